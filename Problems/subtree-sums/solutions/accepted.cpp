// Subtree Sums — reference: build children lists (CSR arrays), get a BFS
// order from the root with an explicit queue, then add every vertex's sum
// into its parent in reverse BFS order. Iterative, 64-bit. O(n + q).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    if (!(cin >> n >> q)) return 0;
    vector<long long> sum(n + 1);
    for (int v = 1; v <= n; ++v) cin >> sum[v];
    vector<int> par(n + 1, 0), start(n + 2, 0), child(max(n - 1, 1));
    for (int v = 2; v <= n; ++v) {
        cin >> par[v];
        ++start[par[v]];
    }
    for (int v = 1; v <= n + 1; ++v) start[v] += start[v - 1];  // start[v] = end of v's block
    for (int v = n; v >= 2; --v) child[--start[par[v]]] = v;
    vector<int> order;
    order.reserve(n);
    order.push_back(1);
    for (size_t h = 0; h < order.size(); ++h) {
        int v = order[h];
        for (int k = start[v]; k < start[v + 1]; ++k) order.push_back(child[k]);
    }
    for (int k = n - 1; k >= 1; --k) sum[par[order[k]]] += sum[order[k]];
    string out;
    out.reserve((size_t)q * 12);
    for (int j = 0; j < q; ++j) {
        int v;
        cin >> v;
        out += to_string(sum[v]);
        out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
