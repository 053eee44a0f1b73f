#!/usr/bin/env python3
"""Deterministic test generator for polygon-area (Fence and Field).

Writes NN-name.in / NN-name.ans next to this file. The area is computed exactly
with integers, the perimeter with math.fsum; every polygon is checked to be
simple by an O(n^2) test when small, and large ones are star-shaped by
construction (strictly increasing angle around an interior point).
"""
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXC = 10**6


def answer(pts):
    n = len(pts)
    twice = 0
    per = []
    for i in range(n):
        (a, b), (c, d) = pts[i], pts[(i + 1) % n]
        twice += a * d - c * b
        per.append(math.hypot(c - a, d - b))
    twice = abs(twice)
    return f"{math.fsum(per):.9f} {twice // 2}.{5 if twice % 2 else 0}"


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def on_seg(p, q, r):
    return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])


def seg_intersect(p1, p2, p3, p4):
    d1, d2 = cross(p3, p4, p1), cross(p3, p4, p2)
    d3, d4 = cross(p1, p2, p3), cross(p1, p2, p4)
    if ((d1 > 0) != (d2 > 0)) and d1 and d2 and ((d3 > 0) != (d4 > 0)) and d3 and d4:
        return True
    return ((d1 == 0 and on_seg(p3, p4, p1)) or (d2 == 0 and on_seg(p3, p4, p2))
            or (d3 == 0 and on_seg(p1, p2, p3)) or (d4 == 0 and on_seg(p1, p2, p4)))


def is_simple(pts):
    n = len(pts)
    segs = [(pts[i], pts[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                # adjacent sides: must only share the common corner
                a, b = segs[i] if j == i + 1 else segs[j]
                c = segs[j][1] if j == i + 1 else segs[i][1]
                if cross(a, b, c) == 0 and (on_seg(a, b, c) or on_seg(b, c, a)):
                    return False
                continue
            if seg_intersect(*segs[i], *segs[j]):
                return False
    return True


def star_polygon(rng, n, rmin, rmax):
    """Random star-shaped polygon around the non-lattice point (0.5, 0.25)."""
    pts = set()
    while len(pts) < n:
        ang = rng.uniform(0, 2 * math.pi)
        r = rng.uniform(rmin, rmax)
        x, y = round(r * math.cos(ang)), round(r * math.sin(ang))
        if abs(x) <= MAXC and abs(y) <= MAXC:
            pts.add((x, y))
    # direction from the centre, scaled by 4 to stay in integers
    vec = {p: (4 * p[0] - 2, 4 * p[1] - 1) for p in pts}
    order = sorted(pts, key=lambda p: math.atan2(vec[p][1], vec[p][0]))
    out = []
    for p in order:
        if out:
            a, b = vec[out[-1]], vec[p]
            if a[0] * b[1] - a[1] * b[0] == 0:
                continue  # same direction from the centre: drop
        out.append(p)
    # every turn around the centre must be strictly less than half a turn
    for i in range(len(out)):
        a, b = vec[out[i]], vec[out[(i + 1) % len(out)]]
        assert a[0] * b[1] - a[1] * b[0] > 0
    return out


def main():
    rng = random.Random(314159)
    tests = []

    def add(name, pts):
        n = len(pts)
        assert 3 <= n <= MAXN and all(abs(x) <= MAXC and abs(y) <= MAXC for x, y in pts)
        assert all(pts[i] != pts[(i + 1) % n] for i in range(n))
        twice = sum(pts[i][0] * pts[(i + 1) % n][1] - pts[(i + 1) % n][0] * pts[i][1] for i in range(n))
        assert twice != 0
        if n <= 400:
            assert is_simple(pts), name
        tests.append((name, pts))

    add("01-unit-triangle", [(0, 0), (1, 0), (0, 1)])
    add("02-clockwise-square", [(0, 0), (0, 5), (5, 5), (5, 0)])
    add("03-max-square", [(-MAXC, -MAXC), (MAXC, -MAXC), (MAXC, MAXC), (-MAXC, MAXC)])
    add("04-collinear-corners", [(0, 0), (1, 0), (2, 0), (3, 0), (3, 3), (0, 3), (0, 2), (0, 1)])
    add("05-l-shape-cw", [(0, 0), (0, 10), (3, 10), (3, 3), (10, 3), (10, 0)])
    add("06-thin-sliver", [(-MAXC, -MAXC), (MAXC, MAXC), (MAXC - 1, MAXC)])
    add("07-half-area", [(0, 0), (3, 1), (1, 2)])
    add("08-random-star-small", star_polygon(rng, 50, 1, 100))
    p = star_polygon(rng, 300, 10, 10**4)
    add("09-random-star-cw", p[::-1])
    # comb: many deep teeth (concave), clockwise
    teeth = 2000
    comb = [(0, -5)]
    for i in range(teeth):
        comb += [(3 * i, MAXC), (3 * i + 1, MAXC), (3 * i + 1, 0), (3 * i + 2, 0)]
    comb.append((3 * teeth, -5))
    add("10-comb", comb[::-1])
    # large tests near the limits
    add("11-large-star", star_polygon(rng, MAXN, 1, MAXC))
    circle = []
    for k in range(MAXN):
        a = 2 * math.pi * k / MAXN
        circle.append((round(MAXC * math.cos(a)), round(MAXC * math.sin(a))))
    # star-shaped around the origin: strictly increasing angle, less than half a turn each
    assert all(cross((0, 0), circle[i], circle[(i + 1) % MAXN]) > 0 for i in range(MAXN))
    add("12-large-circle-cw", circle[::-1])

    for name, pts in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(pts)}\n" + "".join(f"{x} {y}\n" for x, y in pts))
        with open(base + ".ans", "w") as f:
            f.write(answer(pts) + "\n")


if __name__ == "__main__":
    main()
