# Point to Segment — KNOWN WRONG: computes the distance to the infinite LINE
# through A and B (|cross| / |AB|), forgetting that the closest point of the
# segment is an endpoint when the perpendicular foot falls outside AB. Handles
# A = B separately. Passes both samples (every foot lies on its segment).
import sys
from math import hypot


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    v = list(map(int, data[1:1 + 6 * q]))
    out = []
    for j in range(0, 6 * q, 6):
        px, py, ax, ay, bx, by = v[j:j + 6]
        dx, dy = bx - ax, by - ay
        if dx == 0 and dy == 0:
            d = hypot(px - ax, py - ay)
        else:
            d = abs((px - ax) * dy - (py - ay) * dx) / hypot(dx, dy)
        out.append("%.9f" % d)
    sys.stdout.write("\n".join(out) + "\n")


main()
