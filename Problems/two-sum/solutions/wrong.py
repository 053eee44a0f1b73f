# Two Sum — KNOWN WRONG: stores the current value before looking up its
# complement, so a lone element with 2*a_i == t is paired with itself ("i i").
# Passes both samples; fails hidden tests that contain such an element.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, t = int(data[0]), int(data[1])
    seen = {}
    for j in range(n):
        v = int(data[2 + j])
        if v not in seen:
            seen[v] = j
        i = seen.get(t - v)
        if i is not None:
            sys.stdout.write(f"{i + 1} {j + 1}\n")
            return


main()
