#!/usr/bin/env python3
"""Deterministic test generator for frequency-sort (Sort by Frequency).

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(Counter + sort of the distinct values by (-frequency, value)); small tests are
cross-checked with a brute force that sorts every element by a recounted key.
"""
import os
import random
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 2 * 10**5
MAXA = 10**9


def solve(a):
    c = Counter(a)
    out = []
    for v in sorted(c, key=lambda v: (-c[v], v)):
        out.extend([v] * c[v])
    return out


def brute(a):
    return sorted(a, key=lambda v: (-a.count(v), v))


def main():
    rng = random.Random(9001)
    tests = []

    def add(name, a):
        assert 1 <= len(a) <= MAXN and all(-MAXA <= x <= MAXA for x in a)
        if len(a) <= 2000:
            assert brute(a) == solve(a), name
        tests.append((name, a))

    add("01-single", [-1000000000])
    add("02-all-equal", [5] * 9)
    add("03-all-distinct", [3, -2, 10, 0, 7, -9])
    add("04-tie-not-first-seen", [9, 9, 1, 1, 5, 5, 5, -3])
    add("05-extremes", [MAXA, -MAXA, MAXA, 0, -MAXA, MAXA])
    add("06-random-tiny", [rng.randint(-3, 3) for _ in range(15)])
    add("07-random-small", [rng.randint(-50, 50) for _ in range(500)])
    vals = rng.sample(range(-MAXA, MAXA), 40)
    a = [v for k, v in enumerate(vals) for _ in range(1 + k % 5)]
    rng.shuffle(a)
    add("08-equal-frequency-groups", a)
    add("09-random-medium", [rng.randint(-1000, 1000) for _ in range(2000)])
    # large tests near the limits
    add("10-large-distinct", rng.sample(range(-MAXA, MAXA + 1), MAXN // 2))
    add("11-large-few-values", [rng.randint(-300, 300) for _ in range(MAXN)])
    a = []
    k = 1
    while len(a) + k <= MAXN:
        a.extend([rng.randint(-10**4, 10**4)] * k)
        k = k % 600 + 1
    a.extend([0] * (MAXN - len(a)))
    rng.shuffle(a)
    add("12-large-skewed", a)

    for name, a in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(a)}\n{' '.join(map(str, a))}\n")
        with open(base + ".ans", "w") as f:
            f.write(" ".join(map(str, solve(a))) + "\n")


if __name__ == "__main__":
    main()
