// Two Colors — KNOWN WRONG: runs the breadth-first search only from vertex 1,
// so other connected parts keep the initial color 1 (and an odd cycle outside
// vertex 1's part goes unnoticed). Passes both samples (connected graphs).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<vector<int>> adj(n + 1);
    for (int k = 0; k < m; ++k) {
        int u, v;
        scanf("%d %d", &u, &v);
        adj[u].push_back(v);
        adj[v].push_back(u);
    }
    vector<int> color(n + 1, 0);
    color[1] = 1;
    queue<int> q;
    q.push(1);
    while (!q.empty()) {
        int u = q.front();
        q.pop();
        for (int v : adj[u]) {
            if (color[v] == 0) {
                color[v] = 3 - color[u];
                q.push(v);
            } else if (color[v] == color[u]) {
                puts("IMPOSSIBLE");
                return 0;
            }
        }
    }
    for (int v = 1; v <= n; ++v) putchar(color[v] == 2 ? '2' : '1');
    putchar('\n');
    return 0;
}
