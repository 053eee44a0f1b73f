// Two Colors — reference: disjoint-set union with parity (each vertex stores
// whether its color differs from its parent's); an edge inside one set with
// equal parity means an odd cycle. Colors come from the parity to the root,
// so they usually differ from the jury's BFS coloring. O((n + m) α(n)).
#include <bits/stdc++.h>
using namespace std;

vector<int> parent, parity, sz;

pair<int, int> find(int x) {  // (root, parity of x relative to root), iterative
    int p = 0, r = x;
    while (parent[r] != r) {
        p ^= parity[r];
        r = parent[r];
    }
    // path compression: point every vertex on the path straight at the root
    int acc = p;
    while (parent[x] != x) {
        int next = parent[x], px = parity[x];
        parent[x] = r;
        parity[x] = acc;
        acc ^= px;
        x = next;
    }
    return {r, p};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    if (!(cin >> n >> m)) return 0;
    parent.resize(n + 1);
    iota(parent.begin(), parent.end(), 0);
    parity.assign(n + 1, 0);
    sz.assign(n + 1, 1);
    bool ok = true;
    for (int k = 0; k < m; ++k) {
        int u, v;
        cin >> u >> v;
        if (!ok) continue;
        auto [ru, pu] = find(u);
        auto [rv, pv] = find(v);
        if (ru == rv) {
            if (pu == pv) ok = false;
            continue;
        }
        if (sz[ru] < sz[rv]) swap(ru, rv);
        parent[rv] = ru;
        parity[rv] = pu ^ pv ^ 1;
        sz[ru] += sz[rv];
    }
    if (!ok) {
        puts("IMPOSSIBLE");
        return 0;
    }
    string out(n, '1');
    for (int v = 1; v <= n; ++v) out[v - 1] = find(v).second ? '2' : '1';
    out += '\n';
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
