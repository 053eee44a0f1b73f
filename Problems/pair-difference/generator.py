#!/usr/bin/env python3
"""Deterministic test generator for pair-difference (Close Pairs).

Writes NN-name.in / NN-name.ans next to this file. Answers come from sorting
plus a two-pointer sweep; small tests are cross-checked with an O(n^2) count
over all pairs.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 2 * 10**5
MAXA = 10**9
MAXK = 2 * 10**9


def solve(k, a):
    b = sorted(a)
    total = 0
    lo = 0
    for hi, v in enumerate(b):
        while v - b[lo] > k:
            lo += 1
        total += hi - lo
    return total


def brute(k, a):
    n = len(a)
    return sum(1 for i in range(n) for j in range(i + 1, n) if abs(a[i] - a[j]) <= k)


def main():
    rng = random.Random(77031)
    tests = []

    def add(name, k, a):
        assert 1 <= len(a) <= MAXN and 0 <= k <= MAXK
        assert all(-MAXA <= x <= MAXA for x in a)
        if len(a) <= 2000:
            assert brute(k, a) == solve(k, a), name
        tests.append((name, k, a))

    add("01-single", 5, [3])
    add("02-two-equal-k0", 0, [-7, -7])
    add("03-extremes-kmax", MAXK, [MAXA, -MAXA])
    add("04-extremes-just-short", MAXK - 1, [-MAXA, MAXA, 0])
    add("05-k0-duplicates", 0, [rng.randint(1, 5) for _ in range(40)])
    add("06-exact-multiples", 7, [7 * rng.randint(-20, 20) for _ in range(300)])
    add("07-random-small", 50, [rng.randint(-1000, 1000) for _ in range(2000)])
    add("08-extreme-values", MAXA, [rng.choice([-MAXA, 0, MAXA]) for _ in range(1500)])
    # large tests near the limits
    add("09-large-random", 10**7, [rng.randint(-MAXA, MAXA) for _ in range(MAXN)])
    add("10-large-all-equal", 0, [123456789] * MAXN)
    add("11-large-kmax", MAXK, [rng.choice([-MAXA, MAXA, rng.randint(-MAXA, MAXA)]) for _ in range(MAXN // 2)])
    add("12-large-clustered", 1000, [1000 * rng.randint(-3000, 3000) + rng.choice([0, 0, 1]) for _ in range(MAXN)])

    for name, k, a in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(a)} {k}\n{' '.join(map(str, a))}\n")
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(k, a)}\n")


if __name__ == "__main__":
    main()
