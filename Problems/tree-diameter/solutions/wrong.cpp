// Longest Trail — KNOWN WRONG: assumes the longest route passes through
// vertex 1 and adds the two deepest branches below vertex 1. Correct whenever
// vertex 1 lies on a diameter (both samples), wrong otherwise.
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
    long long top1 = 0, top2 = 0;
    for (auto [child, w0] : adj[1]) {
        // deepest vertex in the branch starting with edge 1 - child
        long long deepest = 0;
        vector<tuple<int, int, long long>> stack = {{child, 1, w0}};
        while (!stack.empty()) {
            auto [u, par, d] = stack.back();
            stack.pop_back();
            deepest = max(deepest, d);
            for (auto [v, w] : adj[u])
                if (v != par) stack.push_back({v, u, d + w});
        }
        if (deepest > top1) top2 = top1, top1 = deepest;
        else if (deepest > top2) top2 = deepest;
    }
    printf("%lld\n", top1 + top2);
    return 0;
}
