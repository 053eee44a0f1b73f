# Pattern Occurrences — reference: Knuth–Morris–Pratt. O(|T| + |P|).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    t, p = data[0], data[1]
    m = len(p)
    if m > len(t):
        print(0)
        return
    pi = [0] * m
    k = 0
    for i in range(1, m):
        c = p[i]
        while k and p[k] != c:
            k = pi[k - 1]
        if p[k] == c:
            k += 1
        pi[i] = k
    count = 0
    k = 0
    last = m - 1
    for c in t:
        while k and p[k] != c:
            k = pi[k - 1]
        if p[k] == c:
            if k == last:
                count += 1
                k = pi[k]
            else:
                k += 1
    print(count)


main()
