# Backpack — reference: 0/1 knapsack, dp[c] = best worth with weight <= c.
# Each item builds a whole new row from the previous one (so it is used at most
# once); the row is computed with zip/map to keep the inner loop in C. The row
# only spans capacities up to the total weight seen so far (larger capacities
# have the same value as the last cell). O(n * W).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, cap = int(data[0]), int(data[1])
    dp = [0]  # capacities 0 .. reach, reach = min(cap, total weight so far)
    for i in range(n):
        w, v = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        if w > cap:
            continue
        reach = len(dp) - 1
        grow = min(cap, reach + w) - reach
        if grow:
            dp.extend([dp[-1]] * grow)
        # new[c] = max(dp[c], dp[c - w] + v) for c >= w
        dp = dp[:w] + [a if a > b else b for a, b in zip(dp[w:], map(v.__add__, dp))]
    print(dp[-1])


main()
