#!/usr/bin/env python3
"""Deterministic test generator for modular-inverse (Modular Inverses).

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(iterative extended Euclid). Every answer is verified (a*x % m == 1 % m, or
gcd(a, m) > 1 for -1) and compared with Python's pow(a, -1, m); queries with
m <= 2000 are also cross-checked by trying every x.
"""
import os
import random
from math import gcd

HERE = os.path.dirname(os.path.abspath(__file__))
MAXQ = 10**5
MAXM = 10**9
MAXA = 10**9


def solve(a, m):
    # invariant: r0 = s0*a (mod m), r1 = s1*a (mod m)
    r0, r1, s0, s1 = m, a % m, 0, 1
    while r1:
        k = r0 // r1
        r0, r1 = r1, r0 - k * r1
        s0, s1 = s1, s0 - k * s1
    if r0 != 1 and m != 1:
        return -1
    return s0 % m


def library(a, m):
    try:
        return pow(a, -1, m)
    except ValueError:
        return -1


def brute(a, m):
    for x in range(m):
        if a * x % m == 1 % m:
            return x
    return -1


def fib_pairs():
    f = [1, 2]
    while f[-1] + f[-2] <= MAXM:
        f.append(f[-1] + f[-2])
    return [(f[i], f[i + 1]) for i in range(len(f) - 1)]


PRIMES_NEAR_1E9 = [999999937, 999999929, 999999893, 999999883, 999999797, 998244353]


def main():
    rng = random.Random(1009)
    tests = []

    def add(name, qs):
        assert 1 <= len(qs) <= MAXQ
        assert all(0 <= a <= MAXA and 1 <= m <= MAXM for a, m in qs)
        ans = [solve(a, m) for a, m in qs]
        for (a, m), x in zip(qs, ans):
            assert x == library(a, m), (name, a, m)
            if x == -1:
                assert gcd(a, m) != 1
            else:
                assert 0 <= x < m and a * x % m == 1 % m
            if m <= 2000:
                assert x == brute(a, m), (name, a, m)
        tests.append((name, qs, ans))

    add("01-modulus-one", [(0, 1), (1, 1), (MAXA, 1)])
    add("02-all-small", [(a, m) for m in range(1, 13) for a in range(0, 13)])
    add("03-zero", [(0, 2), (0, 7), (0, MAXM), (0, 999999937)])
    add("04-a-at-least-m", [(10, 7), (MAXA, 999999937), (15, 4), (12, 6), (MAXA, 3), (1001, 1000)])
    add("05-composite-moduli", [(rng.randint(1, 200), rng.choice([4, 6, 8, 9, 10, 12, 15, 16, 21, 25, 27, 100]))
                                 for _ in range(200)])
    add("06-random-small", [(rng.randint(0, 2500), rng.randint(1, 2000)) for _ in range(1000)])
    add("07-fibonacci", [p for a, m in fib_pairs() for p in ((a, m), (m, a))])
    add("08-power-of-two-and-ten", [(rng.randint(0, MAXA), rng.choice([2**29, 10**9, 5**12, 2**20 * 3**6]))
                                    for _ in range(2000)])
    assert all(pow(2, p - 1, p) == 1 and pow(3, p - 1, p) == 1 for p in PRIMES_NEAR_1E9)
    add("09-large-primes", [(rng.randint(0, MAXA), rng.choice(PRIMES_NEAR_1E9)) for _ in range(2000)])
    # large tests near the limits
    add("10-large-random", [(rng.randint(0, MAXA), rng.randint(1, MAXM)) for _ in range(MAXQ)])
    add("11-large-near-max", [(rng.randint(MAXA - 10**6, MAXA), rng.randint(MAXM - 10**6, MAXM)) for _ in range(MAXQ // 2)])
    add("12-large-small-moduli", [(rng.randint(0, 10**6), rng.randint(1, 10**6)) for _ in range(MAXQ)])

    for name, qs, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(qs)}\n" + "".join(f"{a} {m}\n" for a, m in qs))
        with open(base + ".ans", "w") as f:
            f.write("".join(f"{x}\n" for x in ans))


if __name__ == "__main__":
    main()
