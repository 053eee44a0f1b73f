# Making Change — reference: dp[v] = ways to pay v using the coin kinds seen so
# far, coins in the outer loop (each combination counted once). O(n * S).
# Within one coin's pass dp[v] stays below (S / c + 1) * MOD, so the modulo is
# taken once per pass over the whole list instead of once per cell.
import sys


def main():
    MOD = 10**9 + 7
    data = sys.stdin.buffer.read().split()
    n, s = int(data[0]), int(data[1])
    dp = [0] * (s + 1)
    dp[0] = 1
    for c in map(int, data[2:2 + n]):
        if c > s:
            continue
        for v in range(c, s + 1):
            dp[v] += dp[v - c]
        dp = list(map(MOD.__rmod__, dp))
    print(dp[s])


main()
