// Maze Runner — reference: breadth-first search on the flattened grid,
// padded with a border of walls. O(R * C).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int R, C;
    if (!(cin >> R >> C)) return 0;
    int W = C + 2;
    vector<char> g((size_t)(R + 2) * W, '#');
    int s = -1, e = -1;
    for (int r = 0; r < R; ++r) {
        string row;
        cin >> row;
        for (int c = 0; c < C; ++c) {
            int id = (r + 1) * W + c + 1;
            g[id] = row[c];
            if (row[c] == 'S') s = id;
            if (row[c] == 'E') e = id;
        }
    }
    vector<int> dist(g.size(), -1), q;
    q.reserve(g.size());
    dist[s] = 0;
    q.push_back(s);
    const int step[4] = {1, -1, W, -W};
    for (size_t h = 0; h < q.size() && dist[e] < 0; ++h) {
        int v = q[h];
        for (int d : step) {
            int w = v + d;
            if (g[w] != '#' && dist[w] < 0) {
                dist[w] = dist[v] + 1;
                q.push_back(w);
            }
        }
    }
    printf("%d\n", dist[e]);
    return 0;
}
