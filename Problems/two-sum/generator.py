#!/usr/bin/env python3
"""Deterministic test generator for two-sum.

Run from anywhere with /usr/bin/python3; writes NN-name.in / NN-name.ans next to
this file. Answers are computed by solve() below (hash map, O(n)), and every
generated input is checked to contain exactly one valid pair.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXA = 10**9


def solve(n, t, a):
    seen = {}
    for j, v in enumerate(a):
        i = seen.get(t - v)
        if i is not None:
            return i + 1, j + 1
        seen.setdefault(v, j)
    raise AssertionError("no pair")


def count_pairs(t, a):
    from collections import Counter
    c = Counter(a)
    total = 0
    for v, k in c.items():
        w = t - v
        if w == v:
            total += k * (k - 1) // 2
        elif v < w and w in c:
            total += k * c[w]
    return total


def build(rng, n, t, lo, hi, pos=None, pair=None, traps=0, dup_bias=0.0):
    """n values in [lo, hi] with exactly one pair summing to t."""
    if pair is None:
        while True:
            x = rng.randint(lo, hi)
            y = t - x
            if lo <= y <= hi and x != y:
                break
        pair = (x, y)
    x, y = pair
    counts = {x: 1, y: 1} if x != y else {x: 2}
    vals = []
    if traps and t % 2 == 0 and t // 2 not in counts and lo <= t // 2 <= hi:
        vals.append(t // 2)  # a lone element equal to t/2: must not pair with itself
        counts[t // 2] = 1
    while len(vals) < n - 2:
        if vals and rng.random() < dup_bias:
            v = rng.choice(vals)
        else:
            v = rng.randint(lo, hi)
        w = t - v
        if w in counts or v == w:
            continue
        counts[v] = counts.get(v, 0) + 1
        vals.append(v)
    rng.shuffle(vals)
    if pos is None:
        i, j = sorted(rng.sample(range(n), 2))
    else:
        i, j = pos
    out = []
    it = iter(vals)
    for k in range(n):
        if k == i:
            out.append(x)
        elif k == j:
            out.append(y)
        else:
            out.append(next(it))
    return out


def main():
    tests = []

    def add(name, n, t, a):
        assert len(a) == n and 2 <= n <= MAXN
        assert all(-MAXA <= v <= MAXA for v in a) and -2 * MAXA <= t <= 2 * MAXA
        assert count_pairs(t, a) == 1, name
        tests.append((name, n, t, a))

    # hand-written edge cases
    add("01-min", 2, 5, [2, 3])
    add("02-min-negative", 2, -2000000000, [-1000000000, -1000000000])
    add("03-equal-pair", 3, 6, [3, 1, 3])
    add("04-lone-half", 4, 10, [5, 1, 9, 3])
    add("05-zero-target", 5, 0, [0, 7, 0, 3, -8])
    add("06-extremes", 4, 2000000000, [1000000000, -1000000000, 999999999, 1000000000])
    add("07-pair-at-ends", 6, 1, [-4, 2, 8, 8, 2, 5])
    rng = random.Random(20240601)
    add("08-random-small", 10, 17, build(rng, 10, 17, -20, 20))
    add("09-random-trap", 50, 40, build(rng, 50, 40, -100, 100, traps=1, pos=(30, 47)))
    add("10-random-medium", 1000, -123456, build(rng, 1000, -123456, -MAXA, MAXA, traps=1))
    # large tests near the limits
    add("11-large-random", MAXN, 987654320,
        build(rng, MAXN, 987654320, -MAXA, MAXA, traps=1, pos=(MAXN - 2, MAXN - 1)))
    add("12-large-extreme", MAXN, 2 * MAXA - 2,
        build(rng, MAXN, 2 * MAXA - 2, MAXA - 10**6, MAXA, pos=(0, MAXN - 1), dup_bias=0.3))
    add("13-many-dups", 20000, 0,
        build(rng, 20000, 0, -10**6, -1, pair=(-7, 7), traps=0, dup_bias=0.9))

    for name, n, t, a in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{n} {t}\n{' '.join(map(str, a))}\n")
        i, j = solve(n, t, a)
        with open(base + ".ans", "w") as f:
            f.write(f"{i} {j}\n")


if __name__ == "__main__":
    main()
