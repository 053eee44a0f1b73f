#!/usr/bin/env python3
"""Deterministic test generator for anagram-classes.

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(sorted-letters key in a dict); small tests are cross-checked with a quadratic
brute force that compares letter counts pairwise.
"""
import os
import random
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**5
MAXLEN = 100
MAXTOTAL = 10**6
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def solve(words):
    classes = Counter("".join(sorted(w)) for w in words)
    return len(classes), max(classes.values())


def brute(words):
    counts = [Counter(w) for w in words]
    rep = []  # one representative index per class
    sizes = []
    for i, c in enumerate(counts):
        for k, r in enumerate(rep):
            if counts[r] == c:
                sizes[k] += 1
                break
        else:
            rep.append(i)
            sizes.append(1)
    return len(rep), max(sizes)


def shuffled(rng, w):
    s = list(w)
    rng.shuffle(s)
    return "".join(s)


def rand_word(rng, lo, hi, alphabet=LETTERS):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def same_letter_sum(rng, length):
    """Two words of the same length and letter-code sum that are NOT anagrams."""
    while True:
        w = [rng.randrange(26) for _ in range(length)]
        i, j = rng.sample(range(length), 2)
        if w[i] < 25 and w[j] > 0 and w[i] + 1 != w[j]:
            v = list(w)
            v[i] += 1
            v[j] -= 1
            a = "".join(LETTERS[x] for x in w)
            b = "".join(LETTERS[x] for x in v)
            if sorted(a) != sorted(b):
                return a, b


def main():
    rng = random.Random(1357)
    tests = []

    def add(name, words):
        assert 1 <= len(words) <= MAXN
        assert all(1 <= len(w) <= MAXLEN and set(w) <= set(LETTERS) for w in words)
        assert sum(map(len, words)) <= MAXTOTAL
        if len(words) <= 2000:
            assert brute(words) == solve(words), name
        tests.append((name, words))

    add("01-single", ["z"])
    add("02-all-identical", ["abc"] * 7)
    add("03-letter-sum-trap", ["ad", "bc", "da", "cb", "ad"])
    add("04-length-matters", ["a", "aa", "aaa", "aa", "a", "aaaa"])
    add("05-count-matters", ["aab", "abb", "bab", "aba", "bba", "baa"])
    base = rand_word(rng, 100, 100)
    add("06-long-words", [shuffled(rng, base) for _ in range(5)] + [base[:-1] + "z", base])
    words = []
    for _ in range(300):
        words.extend(same_letter_sum(rng, rng.randint(2, 6)))
    rng.shuffle(words)
    add("07-sum-collisions", words)
    add("08-random-small", [rand_word(rng, 1, 4, "abc") for _ in range(200)])
    bases = [rand_word(rng, 3, 12) for _ in range(50)]
    add("09-medium-families", [shuffled(rng, rng.choice(bases)) for _ in range(2000)])
    # large tests near the limits
    words = []
    for _ in range(MAXN // 2):
        words.extend(same_letter_sum(rng, rng.randint(3, 8)))
    rng.shuffle(words)
    add("10-large-collisions", words)
    bases = [rand_word(rng, 100, 100, "abcdefgh") for _ in range(300)]
    add("11-large-long-words", [shuffled(rng, rng.choice(bases)) for _ in range(MAXTOTAL // MAXLEN)])
    add("12-large-random", [rand_word(rng, 1, 10, "abcdef") for _ in range(MAXN)])

    for name, words in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{len(words)}\n" + "".join(w + "\n" for w in words))
        with open(base + ".ans", "w") as f:
            f.write("%d %d\n" % solve(words))


if __name__ == "__main__":
    main()
