// Island Networks — reference: disjoint-set union with path halving and union
// by size; each edge joining two different sets removes one component.
// O((n + m) α(n)).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<int> parent(n + 1), sz(n + 1, 1);
    iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    int comps = n;
    for (int k = 0; k < m; ++k) {
        int u, v;
        scanf("%d %d", &u, &v);
        int a = find(u), b = find(v);
        if (a == b) continue;  // already connected: self-loop, repeat or cycle
        if (sz[a] < sz[b]) swap(a, b);
        parent[b] = a;
        sz[a] += sz[b];
        --comps;
    }
    printf("%d\n", comps);
    return 0;
}
