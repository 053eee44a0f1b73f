// Making Change — reference: dp[v] = ways to pay v using the coin kinds seen so
// far. Coins in the OUTER loop, so every combination is counted exactly once.
// O(n * S).
#include <bits/stdc++.h>
using namespace std;

int main() {
    const int MOD = 1'000'000'007;
    int n, s;
    if (scanf("%d %d", &n, &s) != 2) return 0;
    vector<int> dp(s + 1, 0);
    dp[0] = 1;
    for (int i = 0; i < n; ++i) {
        int c;
        scanf("%d", &c);
        for (int v = c; v <= s; ++v) {
            dp[v] += dp[v - c];
            if (dp[v] >= MOD) dp[v] -= MOD;
        }
    }
    printf("%d\n", dp[s]);
    return 0;
}
