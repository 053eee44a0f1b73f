# Modular Inverses — reference: iterative extended Euclid on (m, a mod m),
# tracking only the coefficient of a. O(log m) per query.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    vals = list(map(int, data[1:1 + 2 * q]))
    out = []
    for j in range(0, 2 * q, 2):
        a, m = vals[j], vals[j + 1]
        r0, r1, s0, s1 = m, a % m, 0, 1
        while r1:
            k = r0 // r1
            r0, r1 = r1, r0 - k * r1
            s0, s1 = s1, s0 - k * s1
        if m == 1:
            out.append(0)
        elif r0 != 1:
            out.append(-1)
        else:
            out.append(s0 % m)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
