#!/usr/bin/env python3
"""Deterministic test generator for two-coloring (Two Colors).

Writes NN-name.in / NN-name.ans next to this file. The .ans holds ONE valid
coloring (breadth-first search from every uncolored vertex, roots get color 1)
or IMPOSSIBLE; contestants may print any valid coloring, which checker.py
verifies. Graphs with at most 16 vertices are cross-checked by trying all 2^n
colorings, and every generated coloring is verified edge by edge.
"""
import os
import random
from collections import deque
from itertools import product

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXM = 2 * 10**5


def solve(n, edges):
    adj = [[] for _ in range(n + 1)]
    for u, v in edges:
        adj[u].append(v)
        adj[v].append(u)
    color = [0] * (n + 1)
    for root in range(1, n + 1):
        if color[root]:
            continue
        color[root] = 1
        q = deque([root])
        while q:
            u = q.popleft()
            for v in adj[u]:
                if color[v] == 0:
                    color[v] = 3 - color[u]
                    q.append(v)
                elif color[v] == color[u]:
                    return None
    return "".join(map(str, color[1:]))


def brute_possible(n, edges):
    return any(all(c[u - 1] != c[v - 1] for u, v in edges) for c in product((1, 2), repeat=n))


def bipartite_edges(rng, left, right, k):
    return [(rng.choice(left), rng.choice(right)) if rng.random() < 0.5 else (rng.choice(right), rng.choice(left))
            for _ in range(k)]


def split(rng, vertices):
    vs = list(vertices)
    rng.shuffle(vs)
    cut = rng.randint(1, len(vs) - 1)
    return vs[:cut], vs[cut:]


def spanning_bipartite(rng, left, right):
    """A random spanning tree of left + right whose edges all cross sides."""
    rest = [(v, 0) for v in left[1:]] + [(v, 1) for v in right[1:]]
    rng.shuffle(rest)
    placed = ([left[0]], [right[0]])
    edges = [(left[0], right[0])]
    for v, side in rest:
        edges.append((v, rng.choice(placed[1 - side])))
        placed[side].append(v)
    return edges


def main():
    rng = random.Random(424242)
    tests = []

    def add(name, n, edges, expect_possible):
        assert 1 <= n <= MAXN and 0 <= len(edges) <= MAXM
        assert all(1 <= u <= n and 1 <= v <= n for u, v in edges)
        ans = solve(n, edges)
        if ans is not None:
            assert len(ans) == n and all(ans[u - 1] != ans[v - 1] for u, v in edges), name
        if n <= 16:
            assert brute_possible(n, edges) == (ans is not None), name
        assert (ans is not None) == expect_possible, name
        tests.append((name, n, edges, ans))

    add("01-single", 1, [], True)
    add("02-loop", 1, [(1, 1)], False)
    add("03-multi-edges", 2, [(1, 2), (2, 1), (1, 2)], True)
    add("04-triangle", 3, [(1, 2), (2, 3), (3, 1)], False)
    add("05-even-cycle", 6, [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 1)], True)
    add("06-isolated-and-path", 10, [(4, 7), (7, 2), (2, 9), (9, 5)], True)
    left, right = split(rng, range(1, 15))
    add("07-random-small-bipartite", 14, bipartite_edges(rng, left, right, 25), True)
    left, right = split(rng, range(1, 16))
    big = left if len(left) > 1 else right
    edges = spanning_bipartite(rng, left, right) + bipartite_edges(rng, left, right, 6) + [(big[0], big[1])]
    rng.shuffle(edges)
    add("08-random-small-one-bad-edge", 15, edges, False)
    # components: vertex 1's component is bipartite, an odd cycle hides elsewhere
    n = 3000
    edges = [(i, i + 1) for i in range(1, 1000)]
    cyc = list(range(2000, 2000 + 301))
    edges += [(cyc[i], cyc[(i + 1) % len(cyc)]) for i in range(len(cyc))]
    left, right = split(rng, range(1001, 2000))
    edges += bipartite_edges(rng, left, right, 2000)
    rng.shuffle(edges)
    add("09-odd-cycle-far-from-1", n, edges, False)
    # large tests near the limits
    n = MAXN
    verts = list(range(1, n + 1))
    rng.shuffle(verts)
    edges = []
    pos = 0
    while pos < n:  # components of random sizes, each a random bipartite graph
        size = min(n - pos, rng.randint(1, 2000))
        comp = verts[pos:pos + size]
        pos += size
        if size >= 2:
            left, right = split(rng, comp)
            edges += spanning_bipartite(rng, left, right) + bipartite_edges(rng, left, right, size)
    rng.shuffle(edges)
    add("10-large-many-components", n, edges, True)
    verts = list(range(1, n + 1))
    rng.shuffle(verts)
    k = 99999  # one long odd cycle through shuffled labels, plus a pendant vertex
    edges = [(verts[i], verts[(i + 1) % k]) for i in range(k)] + [(verts[k], verts[0])]
    rng.shuffle(edges)
    add("11-large-odd-cycle", n, edges, False)
    left, right = split(rng, range(1, n + 1))
    edges = spanning_bipartite(rng, left, right)
    edges += bipartite_edges(rng, left, right, MAXM - len(edges))
    rng.shuffle(edges)
    add("12-large-connected", n, edges, True)

    for name, n, edges, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges))
        with open(base + ".ans", "w") as f:
            f.write(("IMPOSSIBLE" if ans is None else ans) + "\n")


if __name__ == "__main__":
    main()
