# Rubber Band — reference: Andrew's monotone chain with exact integer cross
# products (collinear points dropped), then the sum of the hull's sides.
# For a degenerate hull of two points the closed walk A -> B -> A gives twice
# the segment; for one point it gives 0. O(n log n).
import math
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    it = iter(map(int, data[1:1 + 2 * n]))
    pts = sorted(set(zip(it, it)))

    def chain(seq):
        out = []
        for p in seq:
            px, py = p
            while len(out) >= 2:
                (ox, oy), (ax, ay) = out[-2], out[-1]
                if (ax - ox) * (py - oy) - (ay - oy) * (px - ox) <= 0:
                    out.pop()
                else:
                    break
            out.append(p)
        return out

    if len(pts) <= 2:
        h = pts
    else:
        h = chain(pts)[:-1] + chain(reversed(pts))[:-1]
    if len(h) == 1:
        print("0.0")
        return
    print(f"{math.fsum(math.dist(h[i - 1], h[i]) for i in range(len(h))):.9f}")


main()
