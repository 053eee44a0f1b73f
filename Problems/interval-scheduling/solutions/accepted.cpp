// Meeting Room — reference: earliest-finish-time greedy. O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<pair<int, int>> iv(n);  // (end, start)
    for (auto &[e, s] : iv) cin >> s >> e;
    sort(iv.begin(), iv.end());
    long long last = LLONG_MIN;
    int taken = 0;
    for (auto &[e, s] : iv)
        if (s >= last) {
            ++taken;
            last = e;
        }
    printf("%d\n", taken);
    return 0;
}
