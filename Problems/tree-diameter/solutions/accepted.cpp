// Longest Trail — reference: two sweeps. The vertex farthest from any start is
// an end of a diameter; the largest distance from it is the answer.
// Iterative DFS, 64-bit distances. O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<vector<pair<int, long long>>> adj(n + 1);
    for (int k = 0; k < n - 1; ++k) {
        int u, v;
        long long w;
        scanf("%d %d %lld", &u, &v, &w);
        adj[u].push_back({v, w});
        adj[v].push_back({u, w});
    }
    auto sweep = [&](int src, vector<long long> &dist) {
        dist.assign(n + 1, -1);
        dist[src] = 0;
        vector<int> stack = {src};
        while (!stack.empty()) {
            int u = stack.back();
            stack.pop_back();
            for (auto [v, w] : adj[u])
                if (dist[v] < 0) {
                    dist[v] = dist[u] + w;
                    stack.push_back(v);
                }
        }
        return int(max_element(dist.begin() + 1, dist.end()) - dist.begin());
    };
    vector<long long> dist;
    int far = sweep(1, dist);
    int other = sweep(far, dist);
    printf("%lld\n", dist[other]);
    return 0;
}
