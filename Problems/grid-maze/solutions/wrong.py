# Maze Runner — KNOWN WRONG: the "queue" is a Python list used with pop(),
# i.e. a stack, so cells are explored depth-first and the distance stored for
# a cell is the length of the first path that reached it, not the shortest.
# Passes both samples (the first maze has a single route). O(R * C).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    R, C = int(data[0]), int(data[1])
    rows = data[2:2 + R]
    dist = [[-1] * C for _ in range(R)]
    for r in range(R):
        c = rows[r].find(b"S")
        if c >= 0:
            sr, sc = r, c
    dist[sr][sc] = 0
    todo = [(sr, sc)]
    while todo:
        r, c = todo.pop()
        if rows[r][c] == ord("E"):
            print(dist[r][c])
            return
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < R and 0 <= nc < C and rows[nr][nc] != ord("#") and dist[nr][nc] < 0:
                dist[nr][nc] = dist[r][c] + 1
                todo.append((nr, nc))
    print(-1)


main()
