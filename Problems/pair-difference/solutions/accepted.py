# Close Pairs — reference: sort, then for each element count the later sorted
# elements within K using bisect. O(n log n).
import sys
from bisect import bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    total = 0
    for i, v in enumerate(a):
        total += bisect_right(a, v + k, i + 1) - i - 1
    print(total)


main()
