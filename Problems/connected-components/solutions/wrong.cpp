// Island Networks — KNOWN WRONG: a disjoint-set union that decrements the
// component count for every edge, without checking whether both ends are
// already in the same set. Correct on forests (both samples), wrong as soon as
// a self-loop, repeated edge or cycle appears.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<int> parent(n + 1);
    iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    int comps = n;
    for (int k = 0; k < m; ++k) {
        int u, v;
        scanf("%d %d", &u, &v);
        parent[find(u)] = find(v);
        --comps;
    }
    printf("%d\n", comps);
    return 0;
}
