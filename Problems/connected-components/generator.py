#!/usr/bin/env python3
"""Deterministic test generator for connected-components (Island Networks).

Writes NN-name.in / NN-name.ans next to this file. Answers come from a
disjoint-set union below; every test is cross-checked with an independent
breadth-first search over adjacency lists.
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 2 * 10**5
MAXM = 2 * 10**5


def solve(n, edges):
    parent = list(range(n + 1))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    comps = n
    for u, v in edges:
        ru, rv = find(u), find(v)
        if ru != rv:
            parent[ru] = rv
            comps -= 1
    return comps


def bfs_count(n, edges):
    adj = [[] for _ in range(n + 1)]
    for u, v in edges:
        adj[u].append(v)
        adj[v].append(u)
    seen = [False] * (n + 1)
    comps = 0
    for s in range(1, n + 1):
        if seen[s]:
            continue
        comps += 1
        seen[s] = True
        queue = deque([s])
        while queue:
            u = queue.popleft()
            for w in adj[u]:
                if not seen[w]:
                    seen[w] = True
                    queue.append(w)
    return comps


def main():
    rng = random.Random(271828)
    tests = []

    def add(name, n, edges):
        assert 1 <= n <= MAXN and 0 <= len(edges) <= MAXM
        assert all(1 <= u <= n and 1 <= v <= n for u, v in edges)
        assert solve(n, edges) == bfs_count(n, edges), name
        tests.append((name, n, edges))

    def rand_edges(n, m):
        return [(rng.randint(1, n), rng.randint(1, n)) for _ in range(m)]

    add("01-single-vertex", 1, [])
    add("02-single-self-loop", 1, [(1, 1), (1, 1)])
    add("03-no-edges", 10, [])
    add("04-multi-edges", 4, [(1, 2), (2, 1), (1, 2), (3, 3)])
    add("05-cycle", 6, [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 1)])
    add("06-random-small", 50, rand_edges(50, 30))
    e = rand_edges(2000, 1200)
    add("07-random-medium-dups", 2000, e + rng.sample(e, 300))
    # large tests near the limits
    add("08-large-random", MAXN, rand_edges(MAXN, MAXM))
    perm = list(range(1, MAXN + 1))
    rng.shuffle(perm)
    path = [(perm[i], perm[i + 1]) if rng.random() < 0.5 else (perm[i + 1], perm[i]) for i in range(MAXN - 1)]
    rng.shuffle(path)
    add("09-large-path", MAXN, path)
    n = MAXN // 2
    groups = 1000
    e = []
    while len(e) < MAXM // 2:
        g = rng.randrange(groups)
        u = g + groups * rng.randrange(n // groups) + 1
        v = g + groups * rng.randrange(n // groups) + 1
        e.append((u, v))
        if rng.random() < 0.2:
            e.append((v, u))
    add("10-groups-with-cycles", n, e[:MAXM // 2])
    n = MAXN // 4
    e = [(v, v) for v in rng.sample(range(1, n + 1), n // 2)]
    e += [(u, u % n + 1) for u in range(1, 2000)] * 3
    rng.shuffle(e)
    add("11-self-loops-and-repeats", n, e)
    k = 300
    add("12-dense-clique", k, [(u, v) for u in range(1, k + 1) for v in range(u + 1, k + 1)][:MAXM // 2])

    for name, n, edges in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges))
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(n, edges)}\n")


if __name__ == "__main__":
    main()
