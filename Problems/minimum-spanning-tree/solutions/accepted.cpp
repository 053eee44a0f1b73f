// Cheapest Network — reference: Kruskal (sort edges by cost) with a
// disjoint-set union (union by size, path halving); 64-bit total.
// O(m log m).
#include <bits/stdc++.h>
using namespace std;

struct DSU {
    vector<int> p, sz;
    explicit DSU(int n) : p(n + 1), sz(n + 1, 1) { iota(p.begin(), p.end(), 0); }
    int find(int x) {
        while (p[x] != x) x = p[x] = p[p[x]];
        return x;
    }
    bool unite(int a, int b) {
        a = find(a), b = find(b);
        if (a == b) return false;
        if (sz[a] < sz[b]) swap(a, b);
        p[b] = a;
        sz[a] += sz[b];
        return true;
    }
};

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    if (!(cin >> n >> m)) return 0;
    vector<array<int, 3>> e(m);  // (w, u, v)
    for (auto &[w, u, v] : e) cin >> u >> v >> w;
    sort(e.begin(), e.end());
    DSU d(n);
    long long total = 0;
    int used = 0;
    for (auto &[w, u, v] : e)
        if (d.unite(u, v)) {
            total += w;
            if (++used == n - 1) break;
        }
    if (used == n - 1) printf("%lld\n", total);
    else puts("IMPOSSIBLE");
    return 0;
}
