#!/usr/bin/env python3
"""Deterministic test generator for max-subarray (Best Stretch).

Writes NN-name.in / NN-name.ans next to this file. Answers come from Kadane's
algorithm below; small tests are cross-checked with an O(n^2) brute force over
all (l, r) pairs.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 2 * 10**5
MAXA = 10**9


def solve(a):
    best = cur = a[0]
    for x in a[1:]:
        cur = x if cur < 0 else cur + x
        best = max(best, cur)
    return best


def brute(a):
    best = a[0]
    for l in range(len(a)):
        s = 0
        for r in range(l, len(a)):
            s += a[r]
            best = max(best, s)
    return best


def main():
    rng = random.Random(20240611)
    tests = []

    def add(name, a):
        assert 1 <= len(a) <= MAXN and all(-MAXA <= x <= MAXA for x in a)
        if len(a) <= 2000:
            assert brute(a) == solve(a), name
        tests.append((name, a))

    add("01-single-positive", [MAXA])
    add("02-single-negative", [-MAXA])
    add("03-all-negative", [-5, -2, -8, -2, -9, -100])
    add("04-zeros-and-negatives", [-3, 0, -1, 0, -7])
    add("05-whole-array", [3, -1, 4, -1, 5, -9, 2, 6, -5, 3, 5])
    add("06-random-tiny", [rng.randint(-10, 10) for _ in range(30)])
    add("07-random-small", [rng.randint(-100, 100) for _ in range(2000)])
    add("08-big-values-small-n", [rng.choice([MAXA, -MAXA, MAXA - 1, -1]) for _ in range(2000)])
    # large tests near the limits
    add("09-large-random", [rng.randint(-MAXA, MAXA) for _ in range(MAXN)])
    add("10-large-all-max", [MAXA] * MAXN)
    a = [rng.randint(MAXA // 2, MAXA) for _ in range(MAXN)]
    for k in range(0, MAXN, 997):
        a[k] = -rng.randint(0, MAXA)  # losses that are always worth crossing
    add("11-large-mostly-positive", a)
    add("12-all-negative-medium", [-rng.randint(1, MAXA) for _ in range(20000)])
    add("13-negative-drift-medium", [rng.randint(-MAXA, MAXA // 3) for _ in range(20000)])

    for name, a in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(a)}\n{' '.join(map(str, a))}\n")
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(a)}\n")


if __name__ == "__main__":
    main()
