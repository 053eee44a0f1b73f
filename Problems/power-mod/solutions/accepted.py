# Huge Powers — reference: Python's three-argument pow (binary exponentiation
# on arbitrary-precision integers; pow(a, 0, 1) is 0 as required). O(q log b).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    vals = list(map(int, data[1:1 + 3 * q]))
    out = [pow(vals[k], vals[k + 1], vals[k + 2]) for k in range(0, 3 * q, 3)]
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
