// Making Change — KNOWN WRONG: the amount is in the outer loop and the coins in
// the inner one, which counts ordered sequences of coins (1+2 and 2+1 twice)
// instead of combinations. Gives 7 instead of 4 on the first sample.
#include <bits/stdc++.h>
using namespace std;

int main() {
    const int MOD = 1'000'000'007;
    int n, s;
    if (scanf("%d %d", &n, &s) != 2) return 0;
    vector<int> c(n);
    for (auto &x : c) scanf("%d", &x);
    vector<int> dp(s + 1, 0);
    dp[0] = 1;
    for (int v = 1; v <= s; ++v)
        for (int x : c)
            if (x <= v) dp[v] = (dp[v] + dp[v - x]) % MOD;
    printf("%d\n", dp[s]);
    return 0;
}
