# Family Tree Distances — reference: preorder + range-minimum of depths.
# In a preorder (every subtree is one contiguous block), for u != v with
# tin[u] < tin[v] the shallowest person at positions tin[u]+1 .. tin[v] is a
# child of lca(u, v), so depth[lca] = that minimum - 1. A sparse table answers
# each minimum in O(1). Iterative DFS, no recursion. O(n log n + q).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    children = [[] for _ in range(n + 1)]
    for i, p in enumerate(map(int, data[2:n + 1]), 2):
        children[p].append(i)
    depth = [0] * (n + 1)
    tin = [0] * (n + 1)
    seq = []  # depths in preorder
    stack = [1]
    while stack:
        u = stack.pop()
        tin[u] = len(seq)
        d = depth[u]
        seq.append(d)
        for c in children[u]:
            depth[c] = d + 1
            stack.append(c)
    table = [seq]
    half = 1
    while 2 * half <= n:
        prev = table[-1]
        table.append(list(map(min, prev[:len(prev) - half], prev[half:])))
        half *= 2
    out = []
    pos = n + 1  # 2 header numbers + (n - 1) parents
    for _ in range(q):
        u, v = int(data[pos]), int(data[pos + 1])
        pos += 2
        if u == v:
            out.append(0)
            continue
        a, b = tin[u], tin[v]
        if a > b:
            a, b = b, a
        a += 1  # range [a, b] inclusive
        k = (b - a + 1).bit_length() - 1
        row = table[k]
        x, y = row[a], row[b - (1 << k) + 1]
        m = x if x < y else y
        out.append(depth[u] + depth[v] - 2 * (m - 1))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
