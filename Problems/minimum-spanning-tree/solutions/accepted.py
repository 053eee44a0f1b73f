# Cheapest Network — reference: Kruskal with a disjoint-set union (path
# halving); edges are sorted by cost through an index list. O(m log m).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    us = list(map(int, data[2:2 + 3 * m:3]))
    vs = list(map(int, data[3:3 + 3 * m:3]))
    ws = list(map(int, data[4:4 + 3 * m:3]))
    parent = list(range(n + 1))
    total = 0
    need = n - 1
    for k in sorted(range(m), key=ws.__getitem__):
        if need == 0:
            break
        a = us[k]
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        b = vs[k]
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if a != b:
            parent[a] = b
            total += ws[k]
            need -= 1
    print(total if need == 0 else "IMPOSSIBLE")


main()
