#!/usr/bin/env python3
"""Deterministic test generator for power-mod (Huge Powers).

Writes NN-name.in / NN-name.ans next to this file. Answers come from binary
exponentiation below and are cross-checked against Python's built-in
pow(a, b, m); questions with small b are also checked by multiplying b times.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXQ = 3 * 10**4
MAXA = 10**18
MAXB = 10**18
MAXM = 2 * 10**9


def power(a, b, m):
    result = 1 % m
    a %= m
    while b:
        if b & 1:
            result = result * a % m
        a = a * a % m
        b >>= 1
    return result


def naive(a, b, m):
    r = 1 % m
    for _ in range(b):
        r = r * a % m
    return r


def main():
    rng = random.Random(65537)
    tests = []

    def add(name, qs):
        assert 1 <= len(qs) <= MAXQ
        assert all(0 <= a <= MAXA and 0 <= b <= MAXB and 1 <= m <= MAXM for a, b, m in qs)
        ans = []
        for a, b, m in qs:
            r = power(a, b, m)
            assert r == pow(a, b, m), name
            if b <= 2000:
                assert r == naive(a, b, m), name
            ans.append(r)
        tests.append((name, qs, ans))

    def big(lo, hi):
        return rng.randint(lo, hi)

    add("01-single-min", [(0, 0, 1)])
    add("02-modulus-one", [(big(0, MAXA), big(0, MAXB), 1) for _ in range(20)] + [(0, 0, 1), (1, 0, 1)])
    add("03-zero-exponent", [(big(0, MAXA), 0, big(1, MAXM)) for _ in range(20)] + [(0, 0, 2), (MAXA, 0, MAXM)])
    add("04-zero-base", [(0, big(1, MAXB), big(1, MAXM)) for _ in range(20)] + [(0, 1, 1), (0, 1, 2)])
    qs = []
    for _ in range(30):
        m = big(1, 10**9)
        qs.append((m * big(1, MAXA // m), big(1, MAXB), m))  # a is a multiple of m
    add("05-base-multiple-of-m", qs)
    add("06-small-brute", [(big(0, 50), big(0, 2000), big(1, 100)) for _ in range(300)])
    p = 10**9 + 7
    add("07-fermat", [(big(1, p - 1), p - 1, p) for _ in range(50)] + [(big(1, MAXA // p - 1) * p + 5, p - 1, p)])
    add("08-extremes", [(MAXA, MAXB, MAXM), (MAXA, MAXB, MAXM - 1), (MAXA - 1, MAXB - 1, 1999999973),
                        (MAXA, 1, MAXM), (1, MAXB, MAXM), (2, MAXB, 2**30), (3, 2**59, MAXM - 3)])
    # large tests near the limits
    add("09-large-random", [(big(0, MAXA), big(0, MAXB), big(1, MAXM)) for _ in range(MAXQ)])
    add("10-large-big-values", [(big(MAXA - 10**6, MAXA), big(MAXB - 10**6, MAXB), big(MAXM - 1000, MAXM))
                                for _ in range(MAXQ)])
    add("11-large-small-modulus", [(big(0, MAXA), big(0, MAXB), big(1, 1000)) for _ in range(MAXQ)])
    edge = [0, 1, 2, MAXA]
    add("12-mixed-edges", [(rng.choice(edge + [big(0, MAXA)]), rng.choice([0, 1, 2, MAXB, big(0, MAXB)]),
                            rng.choice([1, 2, MAXM, big(1, MAXM)])) for _ in range(5000)])

    for name, qs, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(qs)}\n" + "".join(f"{a} {b} {m}\n" for a, b, m in qs))
        with open(base + ".ans", "w") as f:
            f.write("\n".join(map(str, ans)) + "\n")


if __name__ == "__main__":
    main()
