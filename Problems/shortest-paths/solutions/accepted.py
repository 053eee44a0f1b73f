# Shortest Paths — reference: Dijkstra with heapq (lazy deletion). O((n + m) log m).
import sys
from heapq import heappop, heappush


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    vals = list(map(int, data[2:2 + 3 * m]))
    for k in range(0, 3 * m, 3):
        u, v, w = vals[k], vals[k + 1], vals[k + 2]
        adj[u].append((v, w))
        adj[v].append((u, w))
    INF = float("inf")
    dist = [INF] * (n + 1)
    dist[1] = 0
    pq = [(0, 1)]
    while pq:
        d, u = heappop(pq)
        if d != dist[u]:
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heappush(pq, (nd, v))
    sys.stdout.write(" ".join(str(x) if x != INF else "-1" for x in dist[1:]) + "\n")


main()
