# Maze Runner — reference: level-by-level breadth-first search on the
# flattened grid, padded with a border of walls. O(R * C).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    R, C = int(data[0]), int(data[1])
    W = C + 2
    grid = b"#" * W + b"".join(b"#" + row + b"#" for row in data[2:2 + R]) + b"#" * W
    s, e = grid.find(b"S"), grid.find(b"E")
    free = bytearray(grid.translate(bytes(1 if ch != ord("#") else 0 for ch in range(256))))
    free[s] = 0
    frontier = [s]
    steps = 0
    while frontier and free[e]:
        nxt = []
        app = nxt.append
        for v in frontier:
            w = v + 1
            if free[w]:
                free[w] = 0
                app(w)
            w = v - 1
            if free[w]:
                free[w] = 0
                app(w)
            w = v + W
            if free[w]:
                free[w] = 0
                app(w)
            w = v - W
            if free[w]:
                free[w] = 0
                app(w)
        frontier = nxt
        steps += 1
    print(steps if not free[e] else -1)


main()
