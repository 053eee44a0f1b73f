// Family Tree Distances — reference: binary lifting. Depths and parents come
// from a BFS from person 1 (no recursion); up[k][v] is the 2^k-th ancestor.
// dist(u, v) = depth[u] + depth[v] - 2 * depth[lca(u, v)]. O((n + q) log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    const int LOG = 17;  // 2^17 > 10^5 > any depth
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
    string out;
    for (int j = 0; j < q; ++j) {
        int u, v;
        scanf("%d %d", &u, &v);
        int du = depth[u], dv = depth[v];
        if (du < dv) swap(u, v);
        for (int diff = abs(du - dv), k = 0; diff; diff >>= 1, ++k)
            if (diff & 1) u = up[k][u];
        if (u != v) {
            for (int k = LOG - 1; k >= 0; --k)
                if (up[k][u] != up[k][v]) u = up[k][u], v = up[k][v];
            u = up[0][u];
        }
        out += to_string(du + dv - 2 * depth[u]);
        out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
