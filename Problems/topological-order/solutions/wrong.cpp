// Task Order — KNOWN WRONG: stores successors in a set (dropping repeated
// requirements) but counts in-degrees once per input line, so a repeated
// requirement never lets its task become ready and the program wrongly
// answers IMPOSSIBLE. Passes both samples (no repeated requirements).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<set<int>> g(n + 1);
    vector<int> indeg(n + 1, 0);
    for (int k = 0; k < m; ++k) {
        int u, v;
        scanf("%d %d", &u, &v);
        g[u].insert(v);
        ++indeg[v];
    }
    queue<int> ready;
    for (int i = 1; i <= n; ++i)
        if (indeg[i] == 0) ready.push(i);
    vector<int> order;
    while (!ready.empty()) {
        int u = ready.front();
        ready.pop();
        order.push_back(u);
        for (int v : g[u])
            if (--indeg[v] == 0) ready.push(v);
    }
    if ((int)order.size() != n) {
        puts("IMPOSSIBLE");
        return 0;
    }
    for (int i = 0; i < n; ++i) printf("%d%c", order[i], i + 1 == n ? '\n' : ' ');
    return 0;
}
