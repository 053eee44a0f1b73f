# Subtree Sums — reference: BFS order from the root over children lists (no
# recursion), then each vertex's sum is added into its parent in reverse BFS
# order. O(n + q).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    s = [0] + list(map(int, data[2:2 + n]))
    par = [0, 0] + list(map(int, data[2 + n:1 + 2 * n]))
    children = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[par[v]].append(v)
    order = [1]
    for v in order:
        order.extend(children[v])
    for v in reversed(order):
        s[par[v]] += s[v]
    queries = data[1 + 2 * n:1 + 2 * n + q]
    sys.stdout.write("\n".join([str(s[int(v)]) for v in queries]) + "\n")


main()
