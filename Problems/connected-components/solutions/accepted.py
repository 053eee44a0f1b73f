# Island Networks — reference: disjoint-set union with path halving; each edge
# joining two different sets removes one component. O((n + m) α(n)).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    comps = n
    it = iter(map(int, data[2:2 + 2 * m]))
    for u, v in zip(it, it):
        while parent[u] != u:
            parent[u] = u = parent[parent[u]]
        while parent[v] != v:
            parent[v] = v = parent[parent[v]]
        if u != v:
            parent[u] = v
            comps -= 1
    print(comps)


main()
