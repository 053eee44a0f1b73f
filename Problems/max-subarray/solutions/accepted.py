# Best Stretch — reference: Kadane's algorithm (Python ints never overflow). O(n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = map(int, data[1:1 + n])
    cur = best = next(a)
    for x in a:
        cur = x if cur < 0 else cur + x
        if cur > best:
            best = cur
    print(best)


main()
