#!/usr/bin/env python3
"""Deterministic test generator for tree-diameter (Longest Trail).

Writes NN-name.in / NN-name.ans next to this file. Answers come from the
two-sweep method (farthest vertex from any vertex, then farthest from that);
every test is cross-checked with a bottom-up DP over the two deepest branches
of each vertex, and small tests with the farthest distance from every vertex.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXW = 10**9


def adjacency(n, edges):
    adj = [[] for _ in range(n + 1)]
    for u, v, w in edges:
        adj[u].append((v, w))
        adj[v].append((u, w))
    return adj


def distances(n, adj, src):
    dist = [-1] * (n + 1)
    dist[src] = 0
    stack = [src]
    while stack:
        u = stack.pop()
        for v, w in adj[u]:
            if dist[v] < 0:
                dist[v] = dist[u] + w
                stack.append(v)
    return dist


def solve(n, edges):
    adj = adjacency(n, edges)
    d1 = distances(n, adj, 1)
    far = max(range(1, n + 1), key=lambda v: d1[v])
    return max(distances(n, adj, far)[1:])


def dp_check(n, edges):
    adj = adjacency(n, edges)
    parent = [0] * (n + 1)
    parent[1] = -1
    order = [1]
    for u in order:
        for v, _ in adj[u]:
            if v != parent[u]:
                parent[v] = u
                order.append(v)
    down = [0] * (n + 1)
    best = 0
    for u in reversed(order):
        top1 = top2 = 0
        for v, w in adj[u]:
            if v != parent[u]:
                d = down[v] + w
                if d > top1:
                    top1, top2 = d, top1
                elif d > top2:
                    top2 = d
        down[u] = top1
        best = max(best, top1 + top2)
    return best


def brute(n, edges):
    adj = adjacency(n, edges)
    return max(max(distances(n, adj, s)[1:]) for s in range(1, n + 1))


def relabel(rng, n, edges):
    perm = list(range(1, n + 1))
    rng.shuffle(perm)
    out = []
    for u, v, w in edges:
        u, v = perm[u - 1], perm[v - 1]
        out.append((u, v, w) if rng.random() < 0.5 else (v, u, w))
    rng.shuffle(out)
    return out


def main():
    rng = random.Random(123457)
    tests = []

    def add(name, n, edges):
        assert 1 <= n <= MAXN and len(edges) == n - 1
        assert all(1 <= u <= n and 1 <= v <= n and u != v and 1 <= w <= MAXW for u, v, w in edges)
        ans = solve(n, edges)
        assert dp_check(n, edges) == ans, name
        if n <= 400:
            assert brute(n, edges) == ans, name
        tests.append((name, n, edges))

    def random_tree(n, wlo, whi):
        return [(v, rng.randint(1, v - 1), rng.randint(wlo, whi)) for v in range(2, n + 1)]

    add("01-single-vertex", 1, [])
    add("02-two-vertices", 2, [(2, 1, MAXW)])
    add("03-star", 8, [(1, v, rng.randint(1, 100)) for v in range(2, 9)])
    # vertex 1 is a light leaf; the diameter lies deep inside another branch
    add("04-diameter-avoids-1", 7, [(1, 2, 1), (2, 3, 5), (3, 4, 100), (3, 5, 100), (5, 6, 1), (2, 7, 2)])
    add("05-heavy-edge-vs-long-path", 6, [(1, 2, 1), (2, 3, 1), (3, 4, 1), (1, 5, 10), (5, 6, 1)])
    add("06-random-small", 50, relabel(rng, 50, random_tree(50, 1, 20)))
    add("07-random-medium", 400, relabel(rng, 400, random_tree(400, 1, MAXW)))
    spine = 300
    cat = [(v, v - 1, rng.randint(1, 1000)) for v in range(2, spine + 1)]
    cat += [(v, rng.randint(1, spine), rng.randint(1, 3000)) for v in range(spine + 1, 2001)]
    add("08-caterpillar", 2000, relabel(rng, 2000, cat))
    # large tests near the limits
    add("09-large-random", MAXN, relabel(rng, MAXN, random_tree(MAXN, 1, MAXW)))
    add("10-large-path-max-weights", MAXN, relabel(rng, MAXN, [(v, v - 1, MAXW) for v in range(2, MAXN + 1)]))
    # a long light path hanging off a heavy broom
    half = MAXN // 2
    broom = [(v, v - 1, rng.randint(1, 10)) for v in range(2, half + 1)]
    broom += [(v, 1, rng.randint(1, 10**6)) for v in range(half + 1, MAXN + 1)]
    add("11-large-broom", MAXN, relabel(rng, MAXN, broom))
    # deep random tree: each vertex attaches to one of the last few vertices
    deep = [(v, rng.randint(max(1, v - 3), v - 1), rng.randint(1, 1000)) for v in range(2, MAXN // 2 + 1)]
    add("12-deep-random", MAXN // 2, relabel(rng, MAXN // 2, deep))

    for name, n, edges in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges))
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(n, edges)}\n")


if __name__ == "__main__":
    main()
