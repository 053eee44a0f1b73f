// Task Order — reference: Kahn's algorithm with a min-heap (prints the
// lexicographically smallest order). O((n + m) log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    if (!(cin >> n >> m)) return 0;
    vector<vector<int>> g(n + 1);
    vector<int> indeg(n + 1, 0);
    for (int k = 0; k < m; ++k) {
        int u, v;
        cin >> u >> v;
        g[u].push_back(v);
        ++indeg[v];
    }
    priority_queue<int, vector<int>, greater<int>> ready;
    for (int i = 1; i <= n; ++i)
        if (indeg[i] == 0) ready.push(i);
    vector<int> order;
    order.reserve(n);
    while (!ready.empty()) {
        int u = ready.top();
        ready.pop();
        order.push_back(u);
        for (int v : g[u])
            if (--indeg[v] == 0) ready.push(v);
    }
    if ((int)order.size() != n) {
        puts("IMPOSSIBLE");
        return 0;
    }
    string out;
    for (int i = 0; i < n; ++i) {
        out += to_string(order[i]);
        out += (i + 1 == n ? '\n' : ' ');
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
