// Cheapest Network — KNOWN WRONG: correct Kruskal, but the total cost is kept
// in a 32-bit int, which overflows once the answer exceeds 2^31 - 1.
// Passes both samples (small costs).
#include <bits/stdc++.h>
using namespace std;

vector<int> parent;

int find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<array<int, 3>> e(m);
    for (auto &[w, u, v] : e) scanf("%d %d %d", &u, &v, &w);
    sort(e.begin(), e.end());
    parent.resize(n + 1);
    iota(parent.begin(), parent.end(), 0);
    int total = 0, used = 0;
    for (auto &[w, u, v] : e) {
        int a = find(u), b = find(v);
        if (a != b) {
            parent[a] = b;
            total = (int)((unsigned)total + (unsigned)w);  // wraps like the classic overflow bug
            ++used;
        }
    }
    if (used == n - 1) printf("%d\n", total);
    else puts("IMPOSSIBLE");
    return 0;
}
