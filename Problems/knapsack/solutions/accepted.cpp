// Backpack — reference: 0/1 knapsack, dp[c] = best worth with weight <= c,
// capacities scanned downwards so each item is used at most once. O(n * W).
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
        for (int c = cap; c >= w; --c) dp[c] = max(dp[c], dp[c - w] + v);
    }
    printf("%lld\n", dp[cap]);
    return 0;
}
