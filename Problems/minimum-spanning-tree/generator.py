#!/usr/bin/env python3
"""Deterministic test generator for minimum-spanning-tree (Cheapest Network).

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(Kruskal with a disjoint-set union); graphs with at most 300 vertices are
cross-checked with an O(n^2) Prim on the cheapest edge between each pair.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXM = 2 * 10**5
MAXW = 10**9


def solve(n, edges):
    parent = list(range(n + 1))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    total = 0
    used = 0
    for u, v, w in sorted(edges, key=lambda e: e[2]):
        a, b = find(u), find(v)
        if a != b:
            parent[a] = b
            total += w
            used += 1
    return total if used == n - 1 else None


def prim(n, edges):
    INF = float("inf")
    cost = [[INF] * (n + 1) for _ in range(n + 1)]
    for u, v, w in edges:
        if u != v and w < cost[u][v]:
            cost[u][v] = cost[v][u] = w
    in_tree = [False] * (n + 1)
    best = [INF] * (n + 1)
    best[1] = 0
    total = 0
    for _ in range(n):
        u = min((v for v in range(1, n + 1) if not in_tree[v]), key=lambda v: best[v])
        if best[u] == INF:
            return None
        in_tree[u] = True
        total += best[u]
        for v in range(1, n + 1):
            if not in_tree[v] and cost[u][v] < best[v]:
                best[v] = cost[u][v]
    return total


def random_tree(rng, vertices, wlo, whi):
    """Random spanning tree edges over the given vertex list."""
    vs = list(vertices)
    rng.shuffle(vs)
    return [(vs[i], vs[rng.randrange(max(0, i - 50), i)], rng.randint(wlo, whi))
            for i in range(1, len(vs))]


def random_edges(rng, vertices, k, wlo, whi):
    vs = list(vertices)
    return [(rng.choice(vs), rng.choice(vs), rng.randint(wlo, whi)) for _ in range(k)]


def main():
    rng = random.Random(5150)
    tests = []

    def add(name, n, edges, expect_possible):
        assert 1 <= n <= MAXN and 0 <= len(edges) <= MAXM
        assert all(1 <= u <= n and 1 <= v <= n and 1 <= w <= MAXW for u, v, w in edges)
        ans = solve(n, edges)
        if n <= 300:
            assert prim(n, edges) == ans, name
        assert (ans is not None) == expect_possible, name
        tests.append((name, n, edges, ans))

    add("01-single-town", 1, [], True)
    add("02-two-towns-no-cable", 2, [], False)
    add("03-multi-and-self", 2, [(1, 1, 1), (1, 2, 9), (2, 1, 4), (2, 2, 1), (1, 2, 6)], True)
    add("04-self-loops-only", 3, [(1, 1, 5), (2, 2, 5), (3, 3, 5)], False)
    add("05-equal-weights", 4, [(1, 2, 7), (2, 3, 7), (3, 4, 7), (4, 1, 7), (1, 3, 7), (2, 4, 7)], True)
    add("06-max-weights", 3, [(1, 2, MAXW), (2, 3, MAXW), (1, 3, MAXW)], True)
    edges = random_tree(rng, range(1, 51), 1, 100) + random_edges(rng, range(1, 51), 150, 1, 100)
    rng.shuffle(edges)
    add("07-random-small", 50, edges, True)
    edges = (random_tree(rng, range(1, 151), 1, MAXW) + random_tree(rng, range(151, 301), 1, MAXW)
             + random_edges(rng, range(1, 151), 500, 1, MAXW) + random_edges(rng, range(151, 301), 500, 1, MAXW))
    rng.shuffle(edges)
    add("08-two-components", 300, edges, False)
    edges = random_tree(rng, range(1, 301), MAXW // 2, MAXW) + random_edges(rng, range(1, 301), 3000, 1, MAXW)
    rng.shuffle(edges)
    add("09-random-overflow-32bit", 300, edges, True)
    edges = random_tree(rng, range(1, 5001), 1, 3) + random_edges(rng, range(1, 5001), 15000, 1, 3)
    rng.shuffle(edges)
    add("10-medium-few-weights", 5000, edges, True)
    # large tests near the limits
    n = MAXN
    edges = random_tree(rng, range(1, n + 1), 1, MAXW) + random_edges(rng, range(1, n + 1), MAXM - (n - 1), 1, MAXW)
    rng.shuffle(edges)
    add("11-large-random", n, edges, True)
    edges = random_tree(rng, range(1, n + 1), MAXW - 1000, MAXW)
    add("12-large-heavy-tree", n, edges, True)
    n = 20000
    half = n // 2
    edges = (random_tree(rng, range(1, half + 1), 1, MAXW) + random_tree(rng, range(half + 1, n + 1), 1, MAXW)
             + random_edges(rng, range(1, half + 1), 10000, 1, MAXW)
             + random_edges(rng, range(half + 1, n + 1), 10000, 1, MAXW))
    perm = list(range(1, n + 1))
    rng.shuffle(perm)
    edges = [(perm[u - 1], perm[v - 1], w) for u, v, w in edges]
    rng.shuffle(edges)
    add("13-large-disconnected", n, edges, False)

    for name, n, edges, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n} {len(edges)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges))
        with open(base + ".ans", "w") as f:
            f.write(("IMPOSSIBLE" if ans is None else str(ans)) + "\n")


if __name__ == "__main__":
    main()
