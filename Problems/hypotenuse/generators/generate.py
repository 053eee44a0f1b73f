#!/usr/bin/env python3
"""Deterministic data generator for the hypotenuse package.

Run with /usr/bin/python3 from anywhere; rewrites data/sample and
data/secret/group{1,2}. Answers use exact integer a^2 + b^2 and one sqrt.
"""
import math
import os
import random

PKG = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAXT = 10**4
MAXV = 10**9


def write(rel, pairs):
    assert 1 <= len(pairs) <= MAXT and all(1 <= a <= MAXV and 1 <= b <= MAXV for a, b in pairs)
    base = os.path.join(PKG, "data", rel)
    with open(base + ".in", "w") as f:
        f.write(f"{len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs))
    with open(base + ".ans", "w") as f:
        f.write("".join(f"{math.sqrt(a * a + b * b):.9f}\n" for a, b in pairs))


def main():
    rng = random.Random(345)
    write("sample/1", [(3, 4), (5, 12), (1, 1)])
    # group 1: small legs (at most 1000)
    write("secret/group1/01-min", [(1, 1)])
    write("secret/group1/02-triples", [(3, 4), (6, 8), (8, 15), (7, 24), (20, 21), (9, 40), (1, 1000)])
    write("secret/group1/03-equal", [(k, k) for k in range(1, 101)])
    write("secret/group1/04-random", [(rng.randint(1, 1000), rng.randint(1, 1000)) for _ in range(100)])
    write("secret/group1/05-many-small", [(rng.randint(1, 1000), rng.randint(1, 1000)) for _ in range(2000)])
    # group 2: legs up to 1e9
    write("secret/group2/06-max", [(MAXV, MAXV)])
    write("secret/group2/07-extreme-mix", [(1, MAXV), (MAXV, 1), (46341, 46341), (65536, 65536), (999999999, 2)])
    write("secret/group2/08-random", [(rng.randint(1, MAXV), rng.randint(1, MAXV)) for _ in range(1000)])
    write("secret/group2/09-max-t", [(rng.randint(1, MAXV), rng.randint(1, MAXV)) for _ in range(MAXT)])
    write("secret/group2/10-skewed", [(rng.randint(1, 100), rng.randint(10**8, MAXV)) for _ in range(500)])
    write("secret/group2/11-big-triples",
          [(3 * k, 4 * k) for k in range(10**8, 10**8 + 50)] + [(5 * k, 12 * k) for k in range(7 * 10**7, 7 * 10**7 + 50)])


if __name__ == "__main__":
    main()
