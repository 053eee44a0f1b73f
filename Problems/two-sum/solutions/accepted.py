# Two Sum — reference solution: one pass with a hash map of earlier values. O(n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, t = int(data[0]), int(data[1])
    seen = {}
    for j in range(n):
        v = int(data[2 + j])
        i = seen.get(t - v)
        if i is not None:
            sys.stdout.write(f"{i + 1} {j + 1}\n")
            return
        if v not in seen:
            seen[v] = j


main()
