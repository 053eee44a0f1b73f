# Hypotenuse — accepted: exact integer sum of squares, then one square root.
import math
import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for k in range(t):
        a, b = int(data[1 + 2 * k]), int(data[2 + 2 * k])
        out.append(f"{math.sqrt(a * a + b * b):.9f}")
    sys.stdout.write("\n".join(out) + "\n")


main()
