#!/usr/bin/env python3
"""Deterministic test generator for convex-hull-perimeter (Rubber Band).

Writes NN-name.in / NN-name.ans next to this file. The hull comes from
Andrew's monotone chain with exact integer cross products, the perimeter from
math.fsum. Small tests are cross-checked by an O(n^3) search for hull edges:
a directed pair (p, q) is an edge when every point is on its left or on the
segment pq itself (this also yields both directions of a degenerate segment).
"""
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXC = 10**9


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def hull(points):
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts
    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def perimeter(points):
    h = hull(points)
    if len(h) == 1:
        return 0.0
    return math.fsum(math.dist(h[i], h[(i + 1) % len(h)]) for i in range(len(h)))


def brute(points):
    pts = sorted(set(points))
    total = []
    for p in pts:
        for q in pts:
            if p == q:
                continue
            ok = True
            for r in pts:
                c = cross(p, q, r)
                if c < 0 or (c == 0 and (r[0] - p[0]) * (r[0] - q[0]) + (r[1] - p[1]) * (r[1] - q[1]) > 0):
                    ok = False
                    break
            if ok:
                total.append(math.dist(p, q))
    return math.fsum(total)


def main():
    rng = random.Random(1987)
    tests = []

    def add(name, points):
        assert 1 <= len(points) <= MAXN
        assert all(-MAXC <= x <= MAXC and -MAXC <= y <= MAXC for x, y in points)
        ans = perimeter(points)
        if len(set(points)) <= 80:
            assert abs(brute(points) - ans) <= 1e-9 * max(1.0, ans), name
        tests.append((name, points, ans))

    def rpt(c):
        return (rng.randint(-c, c), rng.randint(-c, c))

    add("01-single-point", [(MAXC, -MAXC)])
    add("02-one-point-repeated", [(7, -3)] * 6)
    add("03-two-points", [(-MAXC, -MAXC), (MAXC, MAXC)])
    add("04-collinear-with-duplicates", [(2 * t - 5, -3 * t + 1) for t in [4, 0, 9, 4, 2, 9, 7, 1]])
    add("05-square-edge-and-inner-points", [(0, 0), (10, 0), (10, 10), (0, 10)] +
        [(rng.randint(0, 10), rng.choice([0, 10])) for _ in range(10)] +
        [(rng.randint(1, 9), rng.randint(1, 9)) for _ in range(10)])
    add("06-random-small", [rpt(100) for _ in range(50)])
    add("07-vertical-line", [(-4, y) for y in rng.sample(range(-1000, 1000), 30)])
    add("08-random-medium", [rpt(MAXC) for _ in range(2000)])
    # large tests near the limits
    add("09-large-random", [rpt(MAXC) for _ in range(MAXN)])
    circle = []
    for _ in range(MAXN):
        t = rng.random() * 2 * math.pi
        circle.append((round(MAXC * math.cos(t)), round(MAXC * math.sin(t))))
    add("10-large-circle", circle)
    dx, dy = 7, -3
    add("11-large-collinear", [(-MAXC + dx * s, MAXC + dy * s) for s in
                               (rng.randint(0, 2 * MAXC // dx) for _ in range(MAXN))])
    add("12-large-tiny-grid", [(rng.randint(-2, 2), rng.randint(-1, 1)) for _ in range(MAXN)])

    for name, points, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(points)}\n" + "".join(f"{x} {y}\n" for x, y in points))
        with open(base + ".ans", "w") as f:
            f.write(f"{ans:.9f}\n")


if __name__ == "__main__":
    main()
