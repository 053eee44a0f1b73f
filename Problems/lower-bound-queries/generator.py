#!/usr/bin/env python3
"""Deterministic test generator for lower-bound-queries (Price Check).

Writes NN-name.in / NN-name.ans next to this file. Answers come from sorting
plus bisect_right; small tests are cross-checked by counting directly.
"""
import os
import random
from bisect import bisect_right

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 2 * 10**5
MAXA = 10**9


def solve(a, xs):
    b = sorted(a)
    return [bisect_right(b, x) for x in xs]


def brute(a, xs):
    return [sum(1 for v in a if v <= x) for x in xs]


def main():
    rng = random.Random(5150)
    tests = []

    def add(name, a, xs):
        assert 1 <= len(a) <= MAXN and 1 <= len(xs) <= MAXN
        assert all(-MAXA <= v <= MAXA for v in a + xs)
        if len(a) * len(xs) <= 4 * 10**6:
            assert brute(a, xs) == solve(a, xs), name
        tests.append((name, a, xs))

    add("01-single-equal", [4], [4])
    add("02-single-around", [0], [-1, 0, 1, -MAXA, MAXA])
    add("03-all-duplicates", [6] * 9, [5, 6, 7, 6])
    add("04-extremes", [-MAXA, MAXA, -MAXA, MAXA, 0], [-MAXA, MAXA, -MAXA + 1, MAXA - 1, 0, -1])
    a = [rng.randint(-20, 20) for _ in range(50)]
    add("05-queries-on-values", a, [rng.choice(a) for _ in range(50)])
    a = [rng.randint(-1000, 1000) for _ in range(2000)]
    add("06-random-small", a, [rng.randint(-1100, 1100) for _ in range(2000)])
    a = [rng.randint(-MAXA, MAXA) for _ in range(1000)]
    add("07-random-wide", a, [rng.choice(a) + rng.randint(-1, 1) for _ in range(1000)])
    # large tests near the limits
    a = [rng.randint(-MAXA, MAXA) for _ in range(MAXN)]
    add("08-large-random", a, [rng.choice(a) if rng.random() < 0.5 else rng.randint(-MAXA, MAXA)
                               for _ in range(MAXN // 4)])
    add("09-large-few-values", [rng.randint(0, 1000) for _ in range(MAXN)],
        [rng.randint(-2, 1002) for _ in range(MAXN)])
    add("10-large-all-equal", [0] * MAXN, [rng.randint(-1, 1) for _ in range(MAXN // 4)])
    add("11-queries-below-above", [rng.randint(-10, 10) for _ in range(1000)],
        [rng.choice([-MAXA, MAXA, -11, 10]) for _ in range(1000)])
    add("12-sorted-array", list(range(-500, 500)), list(range(600, -600, -1)))

    for name, a, xs in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(a)} {len(xs)}\n{' '.join(map(str, a))}\n{' '.join(map(str, xs))}\n")
        with open(base + ".ans", "w") as f:
            f.write("\n".join(map(str, solve(a, xs))) + "\n")


if __name__ == "__main__":
    main()
