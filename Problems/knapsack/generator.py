#!/usr/bin/env python3
"""Deterministic test generator for knapsack (Backpack).

Writes NN-name.in / NN-name.ans next to this file. Answers come from the
O(n * W) 0/1 knapsack DP below; small tests are cross-checked by trying every
subset of items.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 100
MAXW = 10**5
MAXV = 10**9


def solve(cap, items):
    dp = [0] * (cap + 1)  # dp[c] = best worth with total weight <= c
    for w, v in items:
        if w <= cap:
            dp = dp[:w] + [a if a > b else b for a, b in zip(dp[w:], map(v.__add__, dp))]
    return dp[cap]


def brute(cap, items):
    n = len(items)
    best = 0
    for mask in range(1 << n):
        tw = tv = 0
        for i in range(n):
            if mask >> i & 1:
                tw += items[i][0]
                tv += items[i][1]
        if tw <= cap:
            best = max(best, tv)
    return best


def main():
    rng = random.Random(8675309)
    tests = []

    def add(name, cap, items):
        assert 1 <= len(items) <= MAXN and 1 <= cap <= MAXW
        assert all(1 <= w <= MAXW and 1 <= v <= MAXV for w, v in items)
        if len(items) <= 15:
            assert brute(cap, items) == solve(cap, items), name
        tests.append((name, cap, items))

    add("01-single-fits", 5, [(5, MAXV)])
    add("02-single-too-heavy", 5, [(6, 10)])
    add("03-all-fit", MAXW, [(rng.randint(1, 1000), MAXV - rng.randint(0, 5)) for _ in range(MAXN)])
    add("04-none-fit", 999, [(rng.randint(1000, MAXW), rng.randint(1, MAXV)) for _ in range(MAXN)])
    add("05-random-small", 50, [(rng.randint(1, 20), rng.randint(1, 100)) for _ in range(12)])
    # the best-ratio item is light but blocks a perfect fill
    add("06-ratio-greedy-trap", 100, [(51, 52), (50, 50), (50, 50)] +
        [(rng.randint(60, 99), rng.randint(1, 40)) for _ in range(10)])
    add("07-equal-weights", 37, [(7, rng.randint(1, MAXV)) for _ in range(15)])
    add("08-random-medium", 1000, [(rng.randint(1, 300), rng.randint(1, MAXV)) for _ in range(50)])
    # large tests near the limits
    add("09-large-random", MAXW, [(rng.randint(1, MAXW), rng.randint(1, MAXV)) for _ in range(MAXN)])
    add("10-large-dense", MAXW, [(rng.randint(1000, 3000), rng.randint(MAXV // 2, MAXV)) for _ in range(MAXN)])
    add("11-large-heavy", MAXW, [(rng.randint(MAXW // 4, MAXW // 2), rng.randint(1, MAXV)) for _ in range(MAXN)])
    ws = [rng.randint(1500, 2500) for _ in range(MAXN)]
    add("12-large-subset-sum", MAXW - 1, [(w, w) for w in ws])

    for name, cap, items in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(items)} {cap}\n" + "".join(f"{w} {v}\n" for w, v in items))
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(cap, items)}\n")


if __name__ == "__main__":
    main()
