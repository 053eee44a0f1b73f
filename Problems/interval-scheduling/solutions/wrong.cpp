// Meeting Room — KNOWN WRONG: greedy by earliest START time (keeps the first
// request that fits), which is not optimal: one long early meeting blocks many
// short ones. Passes both samples.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<pair<int, int>> iv(n);  // (start, end)
    for (auto &[s, e] : iv) cin >> s >> e;
    sort(iv.begin(), iv.end());
    long long last = LLONG_MIN;
    int taken = 0;
    for (auto &[s, e] : iv)
        if (s >= last) {
            ++taken;
            last = e;
        }
    printf("%d\n", taken);
    return 0;
}
