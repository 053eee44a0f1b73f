#!/usr/bin/env python3
"""Deterministic test generator for interval-scheduling (Meeting Room).

Writes NN-name.in / NN-name.ans next to this file. Answers are computed with
the earliest-finish greedy below; small tests are cross-checked by brute force.
"""
import os
import random
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXC = 10**6


def solve(iv):
    last, taken = -1, 0
    for e, s in sorted((e, s) for s, e in iv):
        if s >= last:
            taken += 1
            last = e
    return taken


def brute(iv):
    n = len(iv)
    for k in range(n, 0, -1):
        for sub in combinations(sorted(iv), k):
            if all(sub[i][1] <= sub[i + 1][0] for i in range(k - 1)):
                return k
    return 0


def main():
    rng = random.Random(99)
    tests = []

    def add(name, iv):
        assert 1 <= len(iv) <= MAXN
        assert all(0 <= s < e <= MAXC for s, e in iv)
        if len(iv) <= 12:
            assert brute(iv) == solve(iv), name
        tests.append((name, iv))

    add("01-single", [(0, 1)])
    add("02-max-coords", [(0, MAXC), (MAXC - 1, MAXC)])
    add("03-identical", [(5, 9)] * 6)
    add("04-touching", [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)])
    add("05-long-first", [(0, 100), (1, 2), (3, 4), (5, 6), (7, 8)])
    add("06-nested", [(i, 20 - i) for i in range(10)])
    add("07-random-tiny", [(s, s + rng.randint(1, 5)) for s in (rng.randint(0, 20) for _ in range(12))])
    iv = []
    for _ in range(1000):
        s = rng.randint(0, 10**4)
        iv.append((s, s + rng.randint(1, 200)))
    add("08-random-medium", iv)
    # greedy-by-start trap at scale: long early intervals covering short ones
    iv = []
    for blk in range(300):
        base = blk * 1000
        iv.append((base, base + 999))
        for k in range(5):
            iv.append((base + 1 + 100 * k, base + 50 + 100 * k))
    rng.shuffle(iv)
    add("09-long-blockers", iv)
    iv = [(rng.randint(0, MAXC - 1), 0) for _ in range(2000)]
    iv = [(s, rng.randint(s + 1, MAXC)) for s, _ in iv]
    add("10-random-wide", iv)
    # large tests near the limits
    iv = []
    for _ in range(MAXN):
        s = rng.randint(0, MAXC - 1)
        iv.append((s, min(MAXC, s + rng.randint(1, 40))))
    add("11-large-short", iv)
    iv = []
    for _ in range(MAXN):
        if rng.random() < 0.3:
            s = rng.randint(0, MAXC // 2)
            iv.append((s, rng.randint(s + 1, MAXC)))
        else:
            s = rng.randint(0, MAXC - 1)
            iv.append((s, min(MAXC, s + rng.randint(1, 100))))
    iv.sort()
    add("12-large-mixed-sorted", iv)
    iv = [(7, 8)] * 10000 + [(i, i + 1) for i in range(0, 20000, 2)]
    rng.shuffle(iv)
    add("13-duplicates", iv)

    for name, iv in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(iv)}\n" + "".join(f"{s} {e}\n" for s, e in iv))
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(iv)}\n")


if __name__ == "__main__":
    main()
