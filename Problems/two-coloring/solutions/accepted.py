# Two Colors — reference: breadth-first search from every uncolored vertex;
# a neighbor with the same color reveals an odd cycle. Each component's first
# vertex gets color 2 (any choice works). O(n + m).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    ends = list(map(int, data[2:2 + 2 * m]))
    for k in range(0, 2 * m, 2):
        u, v = ends[k], ends[k + 1]
        adj[u].append(v)
        adj[v].append(u)
    color = [0] * (n + 1)
    for root in range(1, n + 1):
        if color[root]:
            continue
        color[root] = 2
        queue = [root]
        for u in queue:
            cu = color[u]
            for v in adj[u]:
                cv = color[v]
                if cv == 0:
                    color[v] = 3 - cu
                    queue.append(v)
                elif cv == cu:
                    print("IMPOSSIBLE")
                    return
    sys.stdout.write("".join(map(str, color[1:])) + "\n")


main()
