# Sort by Frequency — KNOWN WRONG: relies on Counter.most_common(), which breaks
# ties between equal frequencies by FIRST APPEARANCE in the input, not by value.
# Passes both samples (there the tied values happen to appear in increasing order).
import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    c = Counter(map(int, data[1:1 + n]))
    out = []
    for v, k in c.most_common():
        out.extend([str(v)] * k)
    sys.stdout.write(" ".join(out) + "\n")


main()
