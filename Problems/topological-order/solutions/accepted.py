# Task Order — reference: iterative depth-first search; the reverse post-order
# is a topological order, and a back edge (grey vertex) reveals a cycle.
# Produces a different (equally valid) order than accepted.cpp. O(n + m).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    for k in range(m):
        adj[int(data[2 + 2 * k])].append(int(data[3 + 2 * k]))
    WHITE, GREY, BLACK = 0, 1, 2
    color = [WHITE] * (n + 1)
    post = []
    for root in range(n, 0, -1):
        if color[root] != WHITE:
            continue
        color[root] = GREY
        stack = [(root, iter(adj[root]))]
        while stack:
            u, it = stack[-1]
            for v in it:
                c = color[v]
                if c == WHITE:
                    color[v] = GREY
                    stack.append((v, iter(adj[v])))
                    break
                if c == GREY:
                    print("IMPOSSIBLE")
                    return
            else:
                stack.pop()
                color[u] = BLACK
                post.append(u)
    post.reverse()
    sys.stdout.write(" ".join(map(str, post)) + "\n")


main()
