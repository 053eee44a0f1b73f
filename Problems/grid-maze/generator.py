#!/usr/bin/env python3
"""Deterministic test generator for grid-maze (Maze Runner).

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(breadth-first search); grids with at most 2500 cells are cross-checked with a
brute force that relaxes all distances (Bellman-Ford style) until nothing
changes.
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))
MAXR = MAXC = 1000


def solve(g):
    R, C = len(g), len(g[0])
    start = next((r, c) for r in range(R) for c in range(C) if g[r][c] == "S")
    dist = [[-1] * C for _ in range(R)]
    dist[start[0]][start[1]] = 0
    q = deque([start])
    while q:
        r, c = q.popleft()
        if g[r][c] == "E":
            return dist[r][c]
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < R and 0 <= nc < C and g[nr][nc] != "#" and dist[nr][nc] < 0:
                dist[nr][nc] = dist[r][c] + 1
                q.append((nr, nc))
    return -1


def brute(g):
    R, C = len(g), len(g[0])
    INF = R * C + 1
    d = [[0 if g[r][c] == "S" else INF for c in range(C)] for r in range(R)]
    changed = True
    while changed:
        changed = False
        for r in range(R):
            for c in range(C):
                if g[r][c] == "#":
                    continue
                for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                    if 0 <= nr < R and 0 <= nc < C and d[nr][nc] + 1 < d[r][c]:
                        d[r][c] = d[nr][nc] + 1
                        changed = True
    e = next(d[r][c] for r in range(R) for c in range(C) if g[r][c] == "E")
    return -1 if e >= INF else e


def place(g, ch, cell):
    r, c = cell
    g[r][c] = ch


def random_grid(rng, R, C, wall):
    g = [["#" if rng.random() < wall else "." for _ in range(C)] for _ in range(R)]
    return g


def perfect_maze(rng, R, C):
    """Randomized depth-first maze: passages on even coordinates."""
    g = [["#"] * C for _ in range(R)]
    g[0][0] = "."
    stack = [(0, 0)]
    while stack:
        r, c = stack[-1]
        options = [(r + dr, c + dc, r + dr // 2, c + dc // 2)
                   for dr, dc in ((-2, 0), (2, 0), (0, -2), (0, 2))
                   if 0 <= r + dr < R and 0 <= c + dc < C and g[r + dr][c + dc] == "#"]
        if not options:
            stack.pop()
            continue
        nr, nc, mr, mc = rng.choice(options)
        g[mr][mc] = g[nr][nc] = "."
        stack.append((nr, nc))
    return g


def serpentine(R, C):
    """Walls on every odd row, with the gap alternating between the two ends."""
    g = [["."] * C for _ in range(R)]
    for r in range(1, R, 2):
        for c in range(C):
            g[r][c] = "#"
        g[r][C - 1 if (r // 2) % 2 == 0 else 0] = "."
    return g


def main():
    rng = random.Random(2718)
    tests = []

    def add(name, g, expect_reachable=None):
        R, C = len(g), len(g[0])
        assert 1 <= R <= MAXR and 1 <= C <= MAXC and all(len(row) == C for row in g)
        flat = "".join("".join(row) for row in g)
        assert flat.count("S") == 1 and flat.count("E") == 1 and set(flat) <= set(".#SE")
        ans = solve(g)
        if R * C <= 2500:
            assert brute(g) == ans, name
        if expect_reachable is not None:
            assert (ans >= 0) == expect_reachable, name
        tests.append((name, ["".join(row) for row in g], ans))

    add("01-adjacent", [list("SE")], True)
    add("02-column", [list(ch) for ch in "E..#S"], False)
    add("03-single-row", [list("S.........E")], True)
    g = [list(".#."), list("S#E"), list(".#.")]
    add("04-wall-between", g, False)
    g = [list(row) for row in ["S....", "####.", ".....", ".####", "....E"]]
    add("05-zigzag", g, True)
    g = [list(row) for row in ["S.........", ".########.", ".#......#.", ".#.####.#.",
                               ".#.#E.#.#.", ".#.#.##.#.", ".#.#....#.", ".#.######.",
                               ".#........", ".#########"]]
    add("06-spiral-in", g, True)
    g = random_grid(rng, 30, 40, 0.3)
    place(g, "S", (0, 0))
    place(g, "E", (29, 39))
    add("07-random-small", g)
    g = [["."] * 50 for _ in range(50)]
    place(g, "S", (25, 25))
    place(g, "E", (0, 49))
    add("08-open-small", g, True)
    g = random_grid(rng, 200, 300, 0.35)
    place(g, "S", (rng.randrange(200), rng.randrange(300)))
    place(g, "E", (rng.randrange(200), rng.randrange(300)))
    add("09-random-medium", g)
    # large tests near the limits
    g = random_grid(rng, MAXR, MAXC, 0.25)
    place(g, "S", (0, 0))
    place(g, "E", (MAXR - 1, MAXC - 1))
    add("10-large-random", g, True)
    g = perfect_maze(rng, MAXR - 1, MAXC - 1)
    g = [row + ["#"] for row in g] + [["#"] * MAXC]
    place(g, "S", (0, 0))
    place(g, "E", (MAXR - 2, MAXC - 2))
    add("11-large-perfect-maze", g, True)
    g = serpentine(MAXR, MAXC)
    place(g, "S", (0, 0))
    place(g, "E", (MAXR - 1, 0))
    add("12-large-serpentine", g, True)
    g = [["."] * MAXC for _ in range(MAXR)]
    for r, c in ((499, 500), (501, 500), (500, 499), (500, 501)):
        g[r][c] = "#"
    place(g, "S", (0, MAXC - 1))
    place(g, "E", (500, 500))
    add("13-large-walled-in", g, False)

    for name, rows, ans in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(rows)} {len(rows[0])}\n" + "".join(r + "\n" for r in rows))
        with open(base + ".ans", "w") as f:
            f.write(f"{ans}\n")


if __name__ == "__main__":
    main()
