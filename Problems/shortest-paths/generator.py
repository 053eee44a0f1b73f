#!/usr/bin/env python3
"""Deterministic test generator for shortest-paths.

Writes NN-name.in / NN-name.ans next to this file. Answers come from the
Dijkstra below; small tests are cross-checked with Bellman-Ford.
"""
import os
import random
from heapq import heappop, heappush

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 5 * 10**4
MAXM = 5 * 10**4
MAXW = 10**9


def solve(n, edges):
    adj = [[] for _ in range(n + 1)]
    for u, v, w in edges:
        adj[u].append((v, w))
        adj[v].append((u, w))
    dist = [None] * (n + 1)
    best = {1: 0}
    pq = [(0, 1)]
    while pq:
        d, u = heappop(pq)
        if dist[u] is not None:
            continue
        dist[u] = d
        for v, w in adj[u]:
            if dist[v] is None and d + w < best.get(v, 1 << 62):
                best[v] = d + w
                heappush(pq, (d + w, v))
    return [-1 if x is None else x for x in dist[1:]]


def bellman_ford(n, edges):
    INF = 1 << 62
    d = [INF] * (n + 1)
    d[1] = 0
    for _ in range(n):
        changed = False
        for u, v, w in edges:
            if d[u] + w < d[v]:
                d[v] = d[u] + w
                changed = True
            if d[v] + w < d[u]:
                d[u] = d[v] + w
                changed = True
        if not changed:
            break
    return [-1 if x == INF else x for x in d[1:]]


def log_weight(rng):
    return min(MAXW, max(1, int(10 ** rng.uniform(0, 9.0001))))


def random_graph(rng, n, m, weight, connected=True):
    edges = []
    if connected:
        perm = list(range(2, n + 1))
        rng.shuffle(perm)
        order = [1] + perm
        for i in range(1, n):
            edges.append((order[rng.randint(max(0, i - 50), i - 1)], order[i], weight(rng)))
    while len(edges) < m:
        edges.append((rng.randint(1, n), rng.randint(1, n), weight(rng)))
    rng.shuffle(edges)
    return [(u, v, w) if rng.random() < 0.5 else (v, u, w) for u, v, w in edges]


def main():
    rng = random.Random(271828)
    tests = []

    def add(name, n, edges):
        assert 1 <= n <= MAXN and 0 <= len(edges) <= MAXM
        assert all(1 <= u <= n and 1 <= v <= n and 1 <= w <= MAXW for u, v, w in edges)
        if n * len(edges) <= 2 * 10**6:
            assert bellman_ford(n, edges) == solve(n, edges), name
        tests.append((name, n, edges))

    add("01-single-vertex", 1, [])
    add("02-no-edges", 4, [])
    add("03-self-loops-multi", 3, [(1, 1, 5), (1, 2, 9), (2, 1, 3), (2, 2, 1), (2, 3, 1000000000), (3, 3, 1)])
    add("04-unreachable-part", 6, [(1, 2, 1), (2, 3, 1), (4, 5, 1), (5, 6, 1), (4, 6, 1)])
    add("05-overflow-chain", 6, [(i, i + 1, MAXW) for i in range(1, 6)])
    add("06-isolated-start", 5, [(2, 3, 4), (3, 4, 4), (4, 5, 4)])
    add("07-random-small", 30, random_graph(rng, 30, 60, lambda r: r.randint(1, 20)))
    add("08-dense", 300, random_graph(rng, 300, 20000, log_weight))
    add("09-random-medium", 2000, random_graph(rng, 2000, 5000, log_weight, connected=False))
    # Long relaxation chains: later vertices keep getting improved.
    n = 1000
    edges = [(1, i, 10**6 * (n - i + 1)) for i in range(2, n + 1)]
    edges += [(i, i + 1, 1) for i in range(2, n)]
    add("10-many-updates", n, edges)
    # large tests near the limits
    add("11-large-random", MAXN, random_graph(rng, MAXN, MAXM, log_weight))
    n = MAXN
    path = list(range(2, n + 1))
    rng.shuffle(path)
    path = [1] + path[:29999]
    edges = [(path[i], path[i + 1], rng.randint(MAXW - 1000, MAXW)) for i in range(len(path) - 1)]
    while len(edges) < MAXM:
        edges.append((rng.randint(1, n), rng.randint(1, n), rng.randint(1, 99)))
    rng.shuffle(edges)
    add("12-large-long-path", n, edges)
    n = 20000
    edges = [(i, i + 1, MAXW) for i in range(1, 10001)]
    edges += [(rng.randint(1, n), rng.randint(1, n), rng.randint(1, 9)) for _ in range(20000 - len(edges))]
    add("13-overflow-mixed", n, edges)

    for name, n, edges in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n} {len(edges)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges))
        with open(base + ".ans", "w") as f:
            f.write(" ".join(map(str, solve(n, edges))) + "\n")


if __name__ == "__main__":
    main()
