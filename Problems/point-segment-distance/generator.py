#!/usr/bin/env python3
"""Deterministic test generator for point-segment-distance.

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(integer dot/cross products, one square root) and are printed with 9 decimals.
Every query is cross-checked against an exact rational computation of the
squared distance (clamped projection parameter as a Fraction).
"""
import os
import random
from fractions import Fraction
from math import hypot, isclose, sqrt

HERE = os.path.dirname(os.path.abspath(__file__))
MAXQ = 5 * 10**4
MAXC = 10**4


def solve(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    len2 = dx * dx + dy * dy
    t = (px - ax) * dx + (py - ay) * dy
    if len2 == 0 or t <= 0:
        return hypot(px - ax, py - ay)
    if t >= len2:
        return hypot(px - bx, py - by)
    return abs((px - ax) * dy - (py - ay) * dx) / sqrt(len2)


def exact_sq(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    len2 = dx * dx + dy * dy
    t = Fraction(0) if len2 == 0 else Fraction((px - ax) * dx + (py - ay) * dy, len2)
    t = min(max(t, Fraction(0)), Fraction(1))
    cx, cy = ax + t * dx, ay + t * dy
    return (px - cx) ** 2 + (py - cy) ** 2


def main():
    rng = random.Random(65537)
    tests = []

    def rc(lim=MAXC):
        return rng.randint(-lim, lim)

    def add(name, qs):
        assert 1 <= len(qs) <= MAXQ
        assert all(len(t) == 6 and all(-MAXC <= c <= MAXC for c in t) for t in qs)
        ans = [solve(*t) for t in qs]
        for t, d in zip(qs, ans):
            assert isclose(d, sqrt(exact_sq(*t)), rel_tol=1e-12, abs_tol=1e-9), (name, t)
        tests.append((name, qs, ans))

    add("01-on-segment", [(1, 1, 0, 0, 2, 2), (0, 0, 0, 0, 5, 0), (5, 0, 0, 0, 5, 0), (3, -3, -6, 6, 6, -6)])
    add("02-degenerate", [(3, 4, 0, 0, 0, 0), (7, 7, 7, 7, 7, 7), (-MAXC, -MAXC, MAXC, MAXC, MAXC, MAXC)])
    add("03-beyond-ends", [(-3, 4, 0, 0, 10, 0), (14, 3, 0, 0, 10, 0), (0, 10, 1, 1, 5, 9), (6, -2, 0, 0, 3, 3)])
    add("04-collinear-outside", [(20, 0, 0, 0, 10, 0), (-5, -5, 0, 0, 3, 3), (0, -7, 0, 2, 0, 9)])
    add("05-axis-parallel", [(2, 5, 0, 0, 4, 0), (5, 2, 0, 0, 0, 4), (-1, -1, -3, 2, 3, 2), (9, 9, 9, -9, 9, 8)])
    add("06-extremes", [(MAXC, MAXC, -MAXC, -MAXC, -MAXC, -MAXC + 1), (-MAXC, MAXC, MAXC, -MAXC, MAXC, MAXC),
                        (MAXC, -MAXC, -MAXC, MAXC, MAXC, MAXC), (0, 0, -MAXC, MAXC, MAXC, MAXC - 1)])
    add("07-random-tiny", [tuple(rc(5) for _ in range(6)) for _ in range(500)])
    add("08-random-medium", [tuple(rc() for _ in range(6)) for _ in range(2000)])
    qs = []
    for _ in range(2000):
        ax, ay = rc(MAXC - 1), rc(MAXC - 1)
        qs.append((rc(), rc(), ax, ay, ax + rng.choice((-1, 0, 1)), ay + rng.choice((-1, 0, 1))))
    add("09-tiny-segments", qs)
    # large tests near the limits
    add("10-large-random", [tuple(rc() for _ in range(6)) for _ in range(MAXQ)])
    qs = []
    for _ in range(MAXQ):
        ax, ay, bx, by = rc(3000), rc(3000), rc(3000), rc(3000)
        kind = rng.randrange(4)
        if kind == 0:  # collinear, beyond one of the ends
            ax, ay, bx, by = rc(1000), rc(1000), rc(1000), rc(1000)
            k = rng.choice((-3, -2, 2, 3))
            qs.append((ax + k * (bx - ax), ay + k * (by - ay), ax, ay, bx, by))
        elif kind == 1:  # degenerate segment
            qs.append((rc(), rc(), ax, ay, ax, ay))
        elif kind == 2:  # just past an end, off the line
            qs.append((bx + (bx - ax) // 3 + rc(2), by + (by - ay) // 3 + rc(2), ax, ay, bx, by))
        else:
            qs.append((rc(), rc(), ax, ay, bx, by))
    add("11-large-mixed", qs)
    add("12-large-small-coords", [tuple(rc(50) for _ in range(6)) for _ in range(MAXQ)])

    for name, qs, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(qs)}\n" + "".join(" ".join(map(str, t)) + "\n" for t in qs))
        with open(base + ".ans", "w") as f:
            f.write("".join(f"{d:.9f}\n" for d in ans))


if __name__ == "__main__":
    main()
