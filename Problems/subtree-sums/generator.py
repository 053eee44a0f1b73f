#!/usr/bin/env python3
"""Deterministic test generator for subtree-sums (Subtree Sums).

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(breadth-first order from the root, then sums accumulated in reverse order);
trees with at most 2000 vertices are cross-checked with a brute force that
walks up from every vertex to the root.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 2 * 10**5
MAXQ = 2 * 10**5
MAXA = 10**9


def solve(n, a, par, queries):
    children = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[par[v]].append(v)
    order = [1]
    for v in order:
        order.extend(children[v])
    assert len(order) == n, "not a tree rooted at 1"
    s = [0] + list(a)
    for v in reversed(order[1:]):
        s[par[v]] += s[v]
    return [s[v] for v in queries]


def brute(n, a, par, queries):
    s = [0] * (n + 1)
    for u in range(1, n + 1):
        v = u
        while True:
            s[v] += a[u - 1]
            if v == 1:
                break
            v = par[v]
    return [s[v] for v in queries]


def relabel(rng, n, par):
    """Shuffle the labels 2..n (the root keeps label 1)."""
    perm = [0, 1] + rng.sample(range(2, n + 1), n - 1)
    out = [0] * (n + 1)
    for v in range(2, n + 1):
        out[perm[v]] = perm[par[v]]
    return out


def random_tree(rng, n, span=None):
    """par[v] < v before relabelling; span limits how far back a parent is."""
    par = [0, 0]
    for v in range(2, n + 1):
        lo = 1 if span is None else max(1, v - span)
        par.append(rng.randint(lo, v - 1))
    return par


def main():
    rng = random.Random(4711)
    tests = []

    def add(name, a, par, queries):
        n, q = len(a), len(queries)
        assert 1 <= n <= MAXN and 1 <= q <= MAXQ and len(par) == n + 1
        assert all(-MAXA <= x <= MAXA for x in a) and all(1 <= v <= n for v in queries)
        assert all(1 <= par[v] <= n and par[v] != v for v in range(2, n + 1))
        ans = solve(n, a, par, queries)
        if n <= 2000:
            assert brute(n, a, par, queries) == ans, name
        tests.append((name, n, a, par, queries, ans))

    def vals(n, lo=-MAXA, hi=MAXA):
        return [rng.randint(lo, hi) for _ in range(n)]

    add("01-single", [-7], [0, 0], [1, 1])
    add("02-two", [5, -3], [0, 0, 1], [1, 2])
    n = 8
    add("03-reversed-chain", vals(n, -10, 10), [0, 0] + [v + 1 for v in range(2, n)] + [1], list(range(1, n + 1)))
    n = 10
    add("04-star", vals(n, 0, 100), [0, 0] + [1] * (n - 1), list(range(n, 0, -1)))
    n = 12
    add("05-max-values-chain", [MAXA] * n, relabel(rng, n, [0, 0] + list(range(1, n))), list(range(1, n + 1)))
    n = 30
    add("06-min-values", [-MAXA] * n, relabel(rng, n, random_tree(rng, n)), [rng.randint(1, n) for _ in range(30)])
    n = 15
    add("07-random-small-increasing-parents", vals(n, -50, 50), random_tree(rng, n), list(range(1, n + 1)))
    n = 40
    add("08-random-small", vals(n, -50, 50), relabel(rng, n, random_tree(rng, n, span=3)), list(range(1, n + 1)))
    n = 2000
    add("09-random-medium", vals(n), relabel(rng, n, random_tree(rng, n, span=20)),
        [rng.randint(1, n) for _ in range(2000)])
    # large tests near the limits
    n = MAXN
    add("10-large-random", vals(n, -10**6, 10**6), relabel(rng, n, random_tree(rng, n)),
        [rng.randint(1, n) for _ in range(20000)])
    add("11-large-deep", vals(n, -9, 9), relabel(rng, n, random_tree(rng, n, span=2)),
        [rng.randint(1, n) for _ in range(20000)])
    n = 1000
    add("12-large-many-queries", vals(n, -9, 9), relabel(rng, n, random_tree(rng, n, span=10)),
        [rng.randint(1, n) for _ in range(MAXQ)])

    for name, n, a, par, queries, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n} {len(queries)}\n{' '.join(map(str, a))}\n{' '.join(map(str, par[2:]))}\n")
            f.write("".join(f"{v}\n" for v in queries))
        with open(base + ".ans", "w") as f:
            f.write("".join(f"{x}\n" for x in ans))


if __name__ == "__main__":
    main()
