#!/usr/bin/env python3
"""Deterministic test generator for pattern-count (Pattern Occurrences).

Writes NN-name.in / NN-name.ans next to this file. Answers are counted with the
Z-function below (independent of the KMP reference solutions); small tests are
cross-checked by direct comparison at every position.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXLEN = 10**6


def z_count(t, p):
    s = p + "#" + t
    n, m = len(s), len(p)
    z = [0] * n
    l = r = 0
    count = 0
    for i in range(1, n):
        if i < r:
            z[i] = min(r - i, z[i - l])
        while i + z[i] < n and s[z[i]] == s[i + z[i]]:
            z[i] += 1
        if i + z[i] > r:
            l, r = i, i + z[i]
        if z[i] == m:
            count += 1
    return count


def naive(t, p):
    return sum(1 for i in range(len(t) - len(p) + 1) if t.startswith(p, i))


def rand_str(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def main():
    rng = random.Random(1618)
    tests = []

    def add(name, t, p):
        assert 1 <= len(t) <= MAXLEN and 1 <= len(p) <= MAXLEN
        assert t.isalpha() and t.islower() and p.isalpha() and p.islower()
        if len(t) * len(p) <= 10**7:
            assert naive(t, p) == z_count(t, p), name
        tests.append((name, t, p))

    add("01-min-match", "a", "a")
    add("02-min-nomatch", "a", "b")
    add("03-pattern-longer", "abc", "abcd")
    add("04-whole-text", "zzzyzzz", "zzzyzzz")
    add("05-overlap", "aaaa", "aa")
    add("06-mississippi", "mississippi", "issi")
    add("07-periodic", "ab" * 500, "abab")
    add("08-random-small", rand_str(rng, 2000, "ab"), "aba")
    add("09-random-alpha", rand_str(rng, 50000, "abcdefghijklmnopqrstuvwxyz"), "ab")
    add("10-almost-period", "a" * 5000 + "b" + "a" * 5000, "a" * 100 + "b")
    # large tests near the limits (naive comparison is quadratic on these)
    add("11-large-all-a", "a" * MAXLEN, "a" * (2 * 10**5))
    t = rand_str(rng, MAXLEN, "ab")
    add("12-large-binary", t, t[123456:123456 + 12])
    add("13-fibonacci", *fib_pair())

    for name, t, p in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{t}\n{p}\n")
        with open(base + ".ans", "w") as f:
            f.write(f"{z_count(t, p)}\n")


def fib_pair():
    a, b = "b", "a"
    while len(b) < 3 * 10**5:
        a, b = b, b + a
    # Fibonacci word of length 317811 has many overlapping borders
    return b, b[:28657 + 17711]


if __name__ == "__main__":
    main()
