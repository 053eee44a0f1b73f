#!/usr/bin/env python3
"""Deterministic test generator for longest-unique-substring.

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(sliding window with last positions); tests up to 3000 characters are
cross-checked with a brute force that grows a window from every start.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 2 * 10**5
ALL = "".join(chr(c) for c in range(33, 127))


def solve(s):
    last = {}
    left = best = 0
    for i, c in enumerate(s):
        j = last.get(c, -1)
        if j >= left:
            left = j + 1
        last[c] = i
        best = max(best, i - left + 1)
    return best


def brute(s):
    best = 0
    for l in range(len(s)):
        seen = set()
        for c in s[l:]:
            if c in seen:
                break
            seen.add(c)
        best = max(best, len(seen))
    return best


def rand_str(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def mirror_blocks(rng, n, alphabet, maxlen):
    """Concatenated palindromes like `abccba`: the left end of a correct
    window must never move backwards when an old character reappears."""
    out = []
    total = 0
    while total < n:
        k = rng.randint(2, maxlen)
        half = rng.sample(alphabet, k)
        block = "".join(half) + "".join(reversed(half))
        out.append(block)
        total += len(block)
    return "".join(out)[:n]


def main():
    rng = random.Random(777)
    tests = []

    def add(name, s):
        assert 1 <= len(s) <= MAXN and all(c in ALL for c in s)
        if len(s) <= 3000:
            assert brute(s) == solve(s), name
        tests.append((name, s))

    add("01-single", "!")
    add("02-all-same", "z" * 50)
    add("03-mirror", "abba")
    add("04-all-distinct", ALL)
    add("05-case-sensitive", "aAbBcCaAbB")
    add("06-answer-at-end", "xxxxxxyxyzuvwq")
    add("07-random-tiny", rand_str(rng, 30, "abc"))
    add("08-random-small-mirror", mirror_blocks(rng, 400, "abcdefghij", 8))
    add("09-random-medium", rand_str(rng, 3000, ALL))
    # large tests near the limits
    add("10-large-random-all", rand_str(rng, MAXN, ALL))
    add("11-large-mirror", mirror_blocks(rng, MAXN, ALL, 47))
    s = list(rand_str(rng, MAXN, "01"))
    mid = MAXN // 2
    s[mid:mid + len(ALL)] = ALL  # one long distinct stretch inside 0/1 noise
    add("12-large-binary-with-run", "".join(s))

    for name, s in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(s + "\n")
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(s)}\n")


if __name__ == "__main__":
    main()
