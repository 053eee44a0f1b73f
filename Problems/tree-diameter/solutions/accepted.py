# Longest Trail — reference: two sweeps. The vertex farthest from any start is
# an end of a diameter; the largest distance from it is the answer.
# Iterative DFS (no recursion). O(n).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adj = [[] for _ in range(n + 1)]
    vals = list(map(int, data[1:1 + 3 * (n - 1)]))
    for k in range(0, len(vals), 3):
        u, v, w = vals[k], vals[k + 1], vals[k + 2]
        adj[u].append((v, w))
        adj[v].append((u, w))

    def sweep(src):
        dist = [-1] * (n + 1)
        dist[src] = 0
        stack = [src]
        while stack:
            u = stack.pop()
            du = dist[u]
            for v, w in adj[u]:
                if dist[v] < 0:
                    dist[v] = du + w
                    stack.append(v)
        return dist

    d1 = sweep(1)
    far = d1.index(max(d1))
    print(max(sweep(far)))


main()
