# Point to Segment — reference: exact integer dot product decides whether the
# projection of P falls before A, after B or inside AB; inside, the distance
# is |cross| / |AB|. O(1) per query.
import sys
from math import hypot, sqrt


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    v = list(map(int, data[1:1 + 6 * q]))
    out = []
    for j in range(0, 6 * q, 6):
        px, py, ax, ay, bx, by = v[j:j + 6]
        dx, dy = bx - ax, by - ay
        len2 = dx * dx + dy * dy
        t = (px - ax) * dx + (py - ay) * dy
        if len2 == 0 or t <= 0:
            d = hypot(px - ax, py - ay)
        elif t >= len2:
            d = hypot(px - bx, py - by)
        else:
            d = abs((px - ax) * dy - (py - ay) * dx) / sqrt(len2)
        out.append("%.9f" % d)
    sys.stdout.write("\n".join(out) + "\n")


main()
