#!/usr/bin/env python3
"""Deterministic test generator for topological-order (Task Order).

Writes NN-name.in / NN-name.ans next to this file. The .ans holds ONE valid
order (Kahn's algorithm with a FIFO queue) or IMPOSSIBLE; contestants may print
any valid order, which checker.py verifies.
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXM = 10**5


def solve(n, edges):
    adj = [[] for _ in range(n + 1)]
    indeg = [0] * (n + 1)
    for u, v in edges:
        adj[u].append(v)
        indeg[v] += 1
    q = deque(i for i in range(1, n + 1) if indeg[i] == 0)
    order = []
    while q:
        u = q.popleft()
        order.append(u)
        for v in adj[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                q.append(v)
    return order if len(order) == n else None


def random_dag(rng, n, m, span=None):
    """Edges go forward in a hidden random permutation; repeats allowed."""
    perm = list(range(1, n + 1))
    rng.shuffle(perm)
    edges = []
    while len(edges) < m:
        a = rng.randrange(n - 1)
        hi = n - 1 if span is None else min(n - 1, a + span)
        b = rng.randint(a + 1, hi)
        edges.append((perm[a], perm[b]))
    if m >= 2:
        edges[-1] = edges[0]  # at least one repeated requirement
    rng.shuffle(edges)
    return edges, perm


def main():
    rng = random.Random(8080)
    tests = []

    def add(name, n, edges, expect_possible):
        assert 1 <= n <= MAXN and 0 <= len(edges) <= MAXM
        assert all(1 <= u <= n and 1 <= v <= n for u, v in edges)
        assert (solve(n, edges) is not None) == expect_possible, name
        tests.append((name, n, edges))

    add("01-single", 1, [], True)
    add("02-no-edges", 5, [], True)
    add("03-self-loop", 3, [(1, 3), (2, 2)], False)
    add("04-repeated", 3, [(1, 2), (1, 2), (3, 2), (3, 2)], True)
    add("05-reversed-chain", 8, [(i + 1, i) for i in range(1, 8)], True)
    add("06-two-cycle", 6, [(1, 2), (3, 4), (4, 3), (5, 6)], False)
    edges, _ = random_dag(rng, 12, 20)
    add("07-random-small", 12, edges, True)
    edges, _ = random_dag(rng, 2000, 6000, span=30)
    add("08-random-medium", 2000, edges, True)
    edges, perm = random_dag(rng, 3000, 5000, span=10)
    chain = [(perm[i], perm[i + 1]) for i in range(2999)]
    edges = chain[:1500] + edges[:1000] + chain[1500:] + [(perm[2999], perm[0])]
    add("09-hidden-long-cycle", 3000, edges, False)
    perm = list(range(1, 20001))
    rng.shuffle(perm)
    edges = [(perm[i], perm[i + 1]) for i in range(19999)]
    rng.shuffle(edges)
    add("10-unique-chain", 20000, edges, True)
    # large tests near the limits
    edges, _ = random_dag(rng, MAXN, MAXM, span=1000)
    add("11-large-dag", MAXN, edges, True)
    edges, perm = random_dag(rng, MAXN, MAXM - 1, span=3)
    # close a long cycle: find a longest path (DP in the hidden order) and add
    # an edge from its last task back to its first task
    rank = {v: i for i, v in enumerate(perm)}
    best = {v: (0, v) for v in perm}  # vertex -> (path length, path start)
    for u, v in sorted(edges, key=lambda e: rank[e[0]]):
        if best[u][0] + 1 > best[v][0]:
            best[v] = (best[u][0] + 1, best[u][1])
    end = max(perm, key=lambda v: best[v][0])
    assert best[end][0] >= 20, best[end]
    edges.insert(rng.randrange(len(edges)), (end, best[end][1]))
    add("12-large-cycle", MAXN, edges, False)

    for name, n, edges in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges))
        order = solve(n, edges)
        with open(base + ".ans", "w") as f:
            f.write(("IMPOSSIBLE" if order is None else " ".join(map(str, order))) + "\n")


if __name__ == "__main__":
    main()
