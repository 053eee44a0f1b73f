// Backpack — KNOWN WRONG: the one-row DP scans capacities upwards, so
// dp[c - w] may already include the current item and an item can be taken
// several times (that solves the unbounded knapsack). Gives 150 on sample 1.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, cap;
    if (scanf("%d %d", &n, &cap) != 2) return 0;
    vector<long long> dp(cap + 1, 0);
    for (int i = 0; i < n; ++i) {
        int w;
        long long v;
        scanf("%d %lld", &w, &v);
        for (int c = w; c <= cap; ++c) dp[c] = max(dp[c], dp[c - w] + v);
    }
    printf("%lld\n", dp[cap]);
    return 0;
}
