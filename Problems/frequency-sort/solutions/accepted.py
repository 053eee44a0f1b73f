# Sort by Frequency — reference: count with a Counter, sort the distinct values
# by (-frequency, value), expand. O(n log n).
import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    c = Counter(map(int, data[1:1 + n]))
    out = []
    for negk, v in sorted([(-k, v) for v, k in c.items()]):
        out.extend([str(v)] * -negk)
    sys.stdout.write(" ".join(out) + "\n")


main()
