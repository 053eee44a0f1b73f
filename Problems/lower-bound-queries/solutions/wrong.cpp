// Price Check — KNOWN WRONG: uses lower_bound, which counts the items that are
// strictly cheaper than the budget; items priced exactly x_j are missed.
// Passes both samples (no budget there equals a price).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    if (!(cin >> n >> q)) return 0;
    vector<int> a(n);
    for (auto &x : a) cin >> x;
    sort(a.begin(), a.end());
    for (int j = 0; j < q; ++j) {
        int x;
        cin >> x;
        cout << (lower_bound(a.begin(), a.end(), x) - a.begin()) << '\n';
    }
    return 0;
}
