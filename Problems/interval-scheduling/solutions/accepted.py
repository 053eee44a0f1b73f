# Meeting Room — reference: earliest-finish-time greedy. O(n log n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    s = list(map(int, data[1:1 + 2 * n:2]))
    e = list(map(int, data[2:2 + 2 * n:2]))
    last = -1
    taken = 0
    for end, start in sorted(zip(e, s)):
        if start >= last:
            taken += 1
            last = end
    print(taken)


main()
