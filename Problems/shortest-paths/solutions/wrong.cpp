// Shortest Paths — KNOWN WRONG: stores distances in 32-bit int, so long paths
// overflow (wrap around) and print garbage. Each vertex is settled once, so it
// still terminates quickly. Passes both samples (small weights).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    if (!(cin >> n >> m)) return 0;
    vector<vector<pair<int, int>>> g(n + 1);
    for (int k = 0; k < m; ++k) {
        int u, v, w;
        cin >> u >> v >> w;
        g[u].push_back({v, w});
        g[v].push_back({u, w});
    }
    const int INF = INT_MAX;
    vector<int> dist(n + 1, INF);
    vector<char> done(n + 1, 0);
    priority_queue<pair<int, int>, vector<pair<int, int>>, greater<>> pq;
    dist[1] = 0;
    pq.push({0, 1});
    while (!pq.empty()) {
        auto [d, u] = pq.top();
        pq.pop();
        if (done[u]) continue;
        done[u] = 1;
        for (auto [v, w] : g[u]) {
            int nd = (int)((unsigned)d + (unsigned)w);  // wraps like the classic overflow bug
            if (!done[v] && nd < dist[v]) {
                dist[v] = nd;
                pq.push({nd, v});
            }
        }
    }
    for (int i = 1; i <= n; ++i) printf("%d%c", dist[i] == INF ? -1 : dist[i], i == n ? '\n' : ' ');
    return 0;
}
