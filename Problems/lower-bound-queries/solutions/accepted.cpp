// Price Check — reference: sort once, answer each query with upper_bound.
// O((n + q) log n).
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
    string out;
    out.reserve((size_t)q * 8);
    for (int j = 0; j < q; ++j) {
        int x;
        cin >> x;
        out += to_string(upper_bound(a.begin(), a.end(), x) - a.begin());
        out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
