// Subtree Sums — KNOWN WRONG: assumes every parent has a smaller number than
// its child (p_v < v), so one pass v = n..2 adding sum[v] into sum[p_v] would
// finish each child before its parent. With p_v > v allowed, a child's sum is
// pushed up before it is complete. Passes both samples (there p_v < v).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<long long> sum(n + 1);
    for (int v = 1; v <= n; ++v) scanf("%lld", &sum[v]);
    vector<int> par(n + 1, 0);
    for (int v = 2; v <= n; ++v) scanf("%d", &par[v]);
    for (int v = n; v >= 2; --v) sum[par[v]] += sum[v];
    while (q--) {
        int v;
        scanf("%d", &v);
        printf("%lld\n", sum[v]);
    }
    return 0;
}
