# Price Check — reference: sort once, answer each query with bisect_right.
# O((n + q) log n).
import sys
from bisect import bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    xs = map(int, data[2 + n:2 + n + q])
    sys.stdout.write("\n".join(str(bisect_right(a, x)) for x in xs) + "\n")


main()
