#!/usr/bin/env python3
"""Deterministic test generator for prime-count (Primes in Ranges).

Writes NN-name.in / NN-name.ans next to this file; answers come from an
independent sieve + prefix-count implementation below.
"""
import os
import random
from array import array
from itertools import accumulate

HERE = os.path.dirname(os.path.abspath(__file__))
MAXQ = 5 * 10**4
MAXR = 10**7


def sieve(n):
    s = bytearray([1]) * (n + 1)
    s[0] = s[1] = 0
    i = 2
    while i * i <= n:
        if s[i]:
            s[i * i::i] = bytes(len(range(i * i, n + 1, i)))
        i += 1
    return s


PRIME = sieve(MAXR)
PRE = array("i", accumulate(PRIME))
PRIMES_SMALL = [i for i in range(2, 10**5) if PRIME[i]]


def answer(qs):
    return [PRE[r] - PRE[l - 1] for l, r in qs]


def rand_prime(rng, lo, hi):
    while True:
        x = rng.randint(lo, hi)
        if PRIME[x]:
            return x


def main():
    rng = random.Random(7331)
    tests = []

    def add(name, qs):
        assert 1 <= len(qs) <= MAXQ
        assert all(1 <= l <= r <= MAXR for l, r in qs)
        tests.append((name, qs))

    add("01-min", [(1, 1)])
    add("02-tiny-ranges", [(1, 2), (2, 2), (2, 3), (3, 3), (4, 4), (1, 3), (5, 5), (1, 100)])
    add("03-prime-endpoints", [(2, 7), (7, 7), (11, 13), (13, 29), (97, 101), (9999991, 10**7)])
    add("04-max-range", [(1, MAXR), (MAXR, MAXR), (9999991, 9999991), (9999992, MAXR)])
    add("05-squares", [(p * p, p * p) for p in PRIMES_SMALL[:40]] + [(4, 9), (25, 49), (3160 ** 2, 3162 ** 2)])
    add("06-random-small", [tuple(sorted((rng.randint(1, 1000), rng.randint(1, 1000)))) for _ in range(200)])
    add("07-prime-gaps", [(1327, 1361), (1328, 1360), (370261, 370373), (370262, 370372)])
    qs = []
    for _ in range(2000):
        l = rand_prime(rng, 2, MAXR)
        qs.append((l, min(MAXR, l + rng.randint(0, 1000))))
    add("08-prime-left-ends", qs)
    add("09-random-medium", [tuple(sorted((rng.randint(1, 10**6), rng.randint(1, 10**6)))) for _ in range(5000)])
    # large tests near the limits
    add("10-large-random", [tuple(sorted((rng.randint(1, MAXR), rng.randint(1, MAXR)))) for _ in range(MAXQ)])
    qs = []
    for k in range(MAXQ):
        if k % 2:
            l = rand_prime(rng, 2, MAXR)
        else:
            l = rng.randint(1, MAXR)
        qs.append((l, rng.randint(l, MAXR)))
    qs[-1] = (1, MAXR)
    add("11-large-wide", qs)

    for name, qs in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(qs)}\n" + "".join(f"{l} {r}\n" for l, r in qs))
        with open(base + ".ans", "w") as f:
            f.write("".join(f"{x}\n" for x in answer(qs)))


if __name__ == "__main__":
    main()
