# Typo Distance — reference: Levenshtein DP over prefixes, one row at a time.
# Row i holds the distances between s[:i] and every prefix of t. O(|s| * |t|).
import sys


def main():
    s, t = sys.stdin.read().split()[:2]
    prev = list(range(len(t) + 1))
    for i, ch in enumerate(s, 1):
        cur = [i]
        left = i
        for diag, up, tc in zip(prev, prev[1:], t):
            d = diag if tc == ch else diag + 1  # match / replace
            if up + 1 < d:  # delete ch
                d = up + 1
            if left + 1 < d:  # insert tc
                d = left + 1
            cur.append(d)
            left = d
        prev = cur
    print(prev[-1])


main()
