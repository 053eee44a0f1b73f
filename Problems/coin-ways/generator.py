#!/usr/bin/env python3
"""Deterministic test generator for coin-ways (Making Change).

Writes NN-name.in / NN-name.ans next to this file. Answers come from the
classic O(n * S) DP (coins in the outer loop, so each combination is counted
once); small tests are cross-checked by explicitly enumerating every tuple of
coin counts with exact integers.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MOD = 10**9 + 7
MAXN = 100
MAXS = 5 * 10**4
MAXC = 10**5


def solve(s, coins):
    dp = [0] * (s + 1)
    dp[0] = 1
    for c in coins:
        for v in range(c, s + 1):
            dp[v] = (dp[v] + dp[v - c]) % MOD
    return dp[s]


def brute(s, coins):
    def count(i, rest):
        if i == len(coins):
            return 1 if rest == 0 else 0
        return sum(count(i + 1, rest - k * coins[i]) for k in range(rest // coins[i] + 1))
    return count(0, s) % MOD


def main():
    rng = random.Random(314159)
    tests = []

    def add(name, s, coins):
        assert 1 <= len(coins) <= MAXN and 1 <= s <= MAXS
        assert len(set(coins)) == len(coins) and all(1 <= c <= MAXC for c in coins)
        if s <= 60 and len(coins) <= 8:
            assert brute(s, coins) == solve(s, coins), name
        tests.append((name, s, coins))

    add("01-single-coin-divides", 9, [3])
    add("02-single-coin-not", 7, [2])
    add("03-coins-too-big", 50, [MAXC, 99999, 51])
    add("04-exact-coin", 60, [60, 30, 7])
    add("05-random-tiny", 40, rng.sample(range(1, 12), 5))
    add("06-random-tiny-2", 57, rng.sample(range(2, 20), 6))
    add("07-wraps-modulo", 1000, list(range(20, 0, -1)))
    add("08-even-coins-odd-sum", MAXS - 1, rng.sample(range(2, 10001, 2), 60))
    # large tests near the limits
    add("09-large-random", MAXS, rng.sample(range(1, MAXS + 1), MAXN))
    add("10-large-small-coins", MAXS, list(range(1, MAXN + 1)))
    add("11-large-mixed", MAXS, rng.sample(range(1, MAXC + 1), MAXN))
    primes = [p for p in range(2, 600) if all(p % d for d in range(2, int(p ** 0.5) + 1))][:MAXN]
    add("12-large-primes", MAXS, primes)

    for name, s, coins in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(coins)} {s}\n{' '.join(map(str, coins))}\n")
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(s, coins)}\n")


if __name__ == "__main__":
    main()
