// Family Tree Distances — KNOWN WRONG: binary lifting with LOG = 16 levels
// ("log2(10^5) is about 16"), so the longest jump is 2^16 - 1 = 65535 links.
// Correct on every tree of depth below 65536; on a deeper chain the depths of
// u and v are never equalized and the answer comes out wrong.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    const int LOG = 16;
    vector<int> par(n + 1, 1);
    vector<vector<int>> children(n + 1);
    for (int i = 2; i <= n; ++i) {
        scanf("%d", &par[i]);
        children[par[i]].push_back(i);
    }
    vector<int> depth(n + 1, 0), order = {1};
    order.reserve(n);
    for (size_t h = 0; h < order.size(); ++h)
        for (int c : children[order[h]]) {
            depth[c] = depth[order[h]] + 1;
            order.push_back(c);
        }
    vector<vector<int>> up(LOG, vector<int>(n + 1, 1));
    up[0] = par;
    up[0][0] = up[0][1] = 1;
    for (int k = 1; k < LOG; ++k)
        for (int v = 1; v <= n; ++v) up[k][v] = up[k - 1][up[k - 1][v]];
    for (int j = 0; j < q; ++j) {
        int u, v;
        scanf("%d %d", &u, &v);
        int du = depth[u], dv = depth[v];
        if (du < dv) swap(u, v);
        int diff = abs(du - dv);
        for (int k = 0; k < LOG; ++k)
            if (diff >> k & 1) u = up[k][u];
        if (u != v) {
            for (int k = LOG - 1; k >= 0; --k)
                if (up[k][u] != up[k][v]) u = up[k][u], v = up[k][v];
            u = up[0][u];
        }
        printf("%d\n", du + dv - 2 * depth[u]);
    }
    return 0;
}
