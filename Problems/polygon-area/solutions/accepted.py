# Fence and Field — reference: shoelace formula (exact integers) and summed side lengths. O(n).
import sys
from math import fsum, hypot


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    xs = list(map(int, data[1:1 + 2 * n:2]))
    ys = list(map(int, data[2:2 + 2 * n:2]))
    xn = xs[1:] + xs[:1]
    yn = ys[1:] + ys[:1]
    twice = abs(sum(a * d - c * b for a, b, c, d in zip(xs, ys, xn, yn)))
    perimeter = fsum(hypot(c - a, d - b) for a, b, c, d in zip(xs, ys, xn, yn))
    print(f"{perimeter:.6f} {twice // 2}.{5 if twice % 2 else 0}")


main()
