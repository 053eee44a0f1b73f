#!/usr/bin/env python3
"""Deterministic test generator for sliding-window-max (Window Maximums).

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(monotonic deque of indices); tests with n * k <= 10^6 are cross-checked with
the brute force max over every window.
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 2 * 10**5
MAXA = 10**9


def solve(a, k):
    dq = deque()
    out = []
    for i, x in enumerate(a):
        while dq and a[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(a[dq[0]])
    return out


def brute(a, k):
    return [max(a[i:i + k]) for i in range(len(a) - k + 1)]


def main():
    rng = random.Random(16180)
    tests = []

    def add(name, a, k):
        n = len(a)
        assert 1 <= k <= n <= MAXN and all(-MAXA <= x <= MAXA for x in a)
        ans = solve(a, k)
        if n * k <= 10**6:
            assert brute(a, k) == ans, name
        tests.append((name, a, k, ans))

    def vals(n, lo=-MAXA, hi=MAXA):
        return [rng.randint(lo, hi) for _ in range(n)]

    add("01-single", [-MAXA], 1)
    add("02-k-equals-n", [3, 9, -4, 9, 0], 5)
    add("03-k-one", [6, -2, 3, 1, -5, 4], 1)
    add("04-decreasing", list(range(10, 0, -1)), 3)
    add("05-increasing", list(range(-5, 6)), 4)
    add("06-all-equal", [MAXA] * 12, 5)
    add("07-random-tiny", vals(20, -3, 3), 3)
    add("08-random-small", vals(500, -100, 100), 17)
    add("09-random-medium", vals(5000), 150)
    # large tests near the limits
    add("10-large-random-half", vals(MAXN), MAXN // 2)
    a = [MAXN - i + rng.randint(0, 3) for i in range(MAXN)]  # mostly decreasing: long deque
    add("11-large-decreasing", a, 50000)
    add("12-large-small-window", vals(MAXN, 0, 99), 2)

    for name, a, k, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(a)} {k}\n{' '.join(map(str, a))}\n")
        with open(base + ".ans", "w") as f:
            f.write(" ".join(map(str, ans)) + "\n")


if __name__ == "__main__":
    main()
