#!/usr/bin/env python3
"""Deterministic test generator for lis (Longest Increasing Subsequence).

Writes NN-name.in / NN-name.ans next to this file. Answers come from the
O(n log n) method below; small tests are cross-checked with the O(n^2) DP.
"""
import os
import random
from bisect import bisect_left

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXA = 10**9


def solve(a):
    tails = []
    for x in a:
        k = bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def quadratic(a):
    best = [1] * len(a)
    for i in range(len(a)):
        for j in range(i):
            if a[j] < a[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best)


def main():
    rng = random.Random(4242)
    tests = []

    def add(name, a):
        assert 1 <= len(a) <= MAXN and all(-MAXA <= x <= MAXA for x in a)
        if len(a) <= 3000:
            assert quadratic(a) == solve(a), name
        tests.append((name, a))

    add("01-single", [42])
    add("02-all-equal", [7] * 10)
    add("03-decreasing", list(range(10, 0, -1)))
    add("04-increasing-extremes", [-MAXA, -1, 0, 1, MAXA])
    add("05-plateaus", [1, 1, 2, 2, 2, 3, 3, 0, 0, 4, 4])
    add("06-random-tiny", [rng.randint(-5, 5) for _ in range(20)])
    add("07-random-small-dups", [rng.randint(1, 30) for _ in range(300)])
    add("08-random-medium", [rng.randint(-MAXA, MAXA) for _ in range(3000)])
    add("09-zigzag", [(i // 2) if i % 2 == 0 else -(i // 2) for i in range(2000)])
    # large tests near the limits
    add("10-large-random", [rng.randint(-MAXA, MAXA) for _ in range(MAXN)])
    add("11-large-staircase", [i // 3 + rng.randint(0, 1) for i in range(MAXN)])
    add("12-increasing", list(range(-MAXA, -MAXA + 2 * 20000, 2)))
    add("13-large-few-values", [rng.randint(1, 1000) for _ in range(MAXN)])

    for name, a in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(a)}\n{' '.join(map(str, a))}\n")
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(a)}\n")


if __name__ == "__main__":
    main()
