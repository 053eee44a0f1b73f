#!/usr/bin/env python3
"""Deterministic test generator for lca-queries (Family Tree Distances).

Writes NN-name.in / NN-name.ans next to this file. Answers come from binary
lifting (depth[u] + depth[v] - 2 * depth[lca]); every query of a small test and
a sample of the queries of each large test are cross-checked by walking up one
parent at a time.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXQ = 10**5
LOG = 17  # 2^17 > MAXN


def rooted(n, par):
    """par[i] for i = 2..n (par[1] = 0). Returns (depth, order) via BFS from 1."""
    children = [[] for _ in range(n + 1)]
    for i in range(2, n + 1):
        children[par[i]].append(i)
    depth = [0] * (n + 1)
    order = [1]
    for u in order:
        for c in children[u]:
            depth[c] = depth[u] + 1
            order.append(c)
    assert len(order) == n, "not a tree rooted at 1"
    return depth, order


def solve(n, par, queries):
    depth, order = rooted(n, par)
    up = [par[:]]
    up[0][1] = 1
    for k in range(1, LOG):
        prev = up[-1]
        up.append([prev[prev[v]] for v in range(n + 1)])
    out = []
    for u, v in queries:
        du, dv = depth[u], depth[v]
        if du < dv:
            u, v = v, u
        diff = abs(du - dv)
        k = 0
        while diff:
            if diff & 1:
                u = up[k][u]
            diff >>= 1
            k += 1
        if u != v:
            for k in range(LOG - 1, -1, -1):
                if up[k][u] != up[k][v]:
                    u, v = up[k][u], up[k][v]
            u = up[0][u]
        out.append(du + dv - 2 * depth[u])
    return out


def naive(par, depth, u, v):
    steps = 0
    while u != v:
        if depth[u] >= depth[v]:
            u = par[u]
        else:
            v = par[v]
        steps += 1
    return steps


def relabel(rng, n, ipar):
    """ipar[i] < i for i = 1..n-1 over internal labels 0..n-1 (root 0)."""
    perm = list(range(2, n + 1))
    rng.shuffle(perm)
    perm = [1] + perm
    par = [0] * (n + 1)
    for i in range(1, n):
        par[perm[i]] = perm[ipar[i]]
    return par


def main():
    rng = random.Random(1729)
    tests = []

    def add(name, n, par, queries):
        assert 1 <= n <= MAXN and 1 <= len(queries) <= MAXQ and len(par) == n + 1
        assert all(1 <= u <= n and 1 <= v <= n for u, v in queries)
        assert all(1 <= par[i] <= n and par[i] != i for i in range(2, n + 1))
        ans = solve(n, par, queries)
        depth, _ = rooted(n, par)
        check = range(len(queries)) if n * len(queries) <= 4 * 10**6 else rng.sample(range(len(queries)), 30)
        for j in check:
            assert naive(par, depth, *queries[j]) == ans[j], name
        tests.append((name, n, par, queries, ans))

    def rand_queries(n, q):
        return [(rng.randint(1, n), rng.randint(1, n)) for _ in range(q)]

    def random_tree(n, span=None):
        return [0] + [rng.randint(0 if span is None else max(0, i - span), i - 1) for i in range(1, n)]

    add("01-single-vertex", 1, [0, 0], [(1, 1)])
    add("02-two-vertices", 2, [0, 0, 1], [(1, 2), (2, 1), (2, 2)])
    star = [0] + [0] * 9
    add("03-star", 10, relabel(rng, 10, star), [(u, v) for u in range(1, 11) for v in range(1, 11)])
    add("04-small-chain", 12, relabel(rng, 12, [0] + list(range(11))), rand_queries(12, 60))
    par = relabel(rng, 30, random_tree(30))
    depth, _ = rooted(30, par)
    anc = []
    for v in range(1, 31):
        a = v
        while a != 1 and rng.random() < 0.7:
            a = par[a]
        anc.append((a, v) if rng.random() < 0.5 else (v, a))
    add("05-ancestor-pairs", 30, par, anc)
    add("06-random-small", 50, relabel(rng, 50, random_tree(50)), rand_queries(50, 200))
    add("07-random-medium", 2000, relabel(rng, 2000, random_tree(2000, 5)), rand_queries(2000, 2000))
    n = 2**14 - 1
    add("08-complete-binary", n, relabel(rng, n, [0] + [(i - 1) // 2 for i in range(1, n)]),
        rand_queries(n, 20000))
    # large tests near the limits
    add("09-large-random", MAXN, relabel(rng, MAXN, random_tree(MAXN)), rand_queries(MAXN, MAXQ))
    # a chain of almost MAXN people, plus a few twigs hanging near the top
    twigs = 20
    chain = [0] + [i - 1 if i < MAXN - twigs else rng.randint(0, 999) for i in range(1, MAXN)]
    par = relabel(rng, MAXN, chain)
    depth, order = rooted(MAXN, par)
    deep = order[-MAXN // 4:]
    shallow = order[:MAXN // 4]
    parents = set(par[2:])
    twig = [v for v in range(2, MAXN + 1) if v not in parents and depth[v] <= 1000]
    assert len(twig) >= twigs // 2
    qs = rand_queries(MAXN, MAXQ // 2)
    qs += [(rng.choice(deep), rng.choice(shallow)) for _ in range(MAXQ // 4)]
    qs += [(rng.choice(deep), rng.choice(twig)) for _ in range(MAXQ // 4)]
    rng.shuffle(qs)
    add("10-large-chain-and-twigs", MAXN, par, qs)
    # a long chain with short random twigs hanging off it
    broom = [0] + [i - 1 if i < 80000 else rng.randint(i - 3, i - 1) if rng.random() < 0.5
                   else rng.randint(0, 79999) for i in range(1, MAXN)]
    add("11-large-spine-with-twigs", MAXN, relabel(rng, MAXN, broom), rand_queries(MAXN, MAXQ // 2))
    # two long chains below the root: every cross query goes through person 1
    two = [0] + [max(0, i - 2) for i in range(1, MAXN // 2)]
    add("12-two-chains", MAXN // 2, relabel(rng, MAXN // 2, two), rand_queries(MAXN // 2, MAXQ // 4))

    for name, n, par, queries, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n} {len(queries)}\n{' '.join(map(str, par[2:]))}\n")
            f.write("".join(f"{u} {v}\n" for u, v in queries))
        with open(base + ".ans", "w") as f:
            f.write("\n".join(map(str, ans)) + "\n")


if __name__ == "__main__":
    main()
