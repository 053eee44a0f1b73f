# Close Pairs — KNOWN WRONG: off-by-one on the bound. Uses bisect_left, so it
# counts only pairs with difference strictly less than K; pairs at distance
# exactly K are missed. Passes both samples (no pair there is exactly K apart).
import sys
from bisect import bisect_left


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    total = 0
    for i, v in enumerate(a):
        total += bisect_left(a, v + k, i + 1) - i - 1
    print(total)


main()
