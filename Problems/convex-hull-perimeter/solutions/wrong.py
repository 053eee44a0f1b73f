# Rubber Band — KNOWN WRONG: a correct monotone chain, but when all points are
# collinear it reports the length of the segment once instead of twice
# (treating the degenerate hull as an open segment). Right for every hull with
# positive area, including both samples.
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

    if len(pts) == 1:
        print("0.0")
        return
    h = chain(pts)[:-1] + chain(reversed(pts))[:-1]
    if len(h) == 2:  # all points on one line: just the segment
        print(f"{math.dist(h[0], h[1]):.9f}")
        return
    print(f"{math.fsum(math.dist(h[i - 1], h[i]) for i in range(len(h))):.9f}")


main()
