#!/usr/bin/env python3
"""Deterministic test generator for edit-distance (Typo Distance).

Writes NN-name.in / NN-name.ans next to this file. Answers come from the
O(|s| * |t|) DP below. Every test is cross-checked with an independent
bit-parallel algorithm (Hyyro's variant of Myers' bit-vector method, on Python
big integers), and tiny tests also with a breadth-first search over all
intermediate strings.
"""
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))
MAXL = 2000
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def solve(s, t):
    m = len(t)
    prev = list(range(m + 1))
    for i, ch in enumerate(s, 1):
        cur = [i]
        left = i
        for a, b, tc in zip(prev, prev[1:], t):
            d = a if tc == ch else a + 1  # match / replace
            if b + 1 < d:  # delete ch
                d = b + 1
            if left + 1 < d:  # insert tc
                d = left + 1
            cur.append(d)
            left = d
        prev = cur
    return prev[m]


def bit_parallel(s, t):
    m = len(s)
    mask = (1 << m) - 1
    top = 1 << (m - 1)
    peq = {}
    for i, ch in enumerate(s):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    pv, mv, score = mask, 0, m
    for ch in t:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return score


def bfs(s, t):
    alphabet = sorted(set(s + t))
    limit = max(len(s), len(t))
    dist = {s: 0}
    queue = deque([s])
    while queue:
        u = queue.popleft()
        if u == t:
            return dist[u]
        nxt = []
        for i in range(len(u) + 1):
            if len(u) < limit:
                nxt += [u[:i] + c + u[i:] for c in alphabet]
            if i < len(u):
                nxt.append(u[:i] + u[i + 1:])
                nxt += [u[:i] + c + u[i + 1:] for c in alphabet if c != u[i]]
        for v in nxt:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    raise AssertionError("unreachable")


def rand_word(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def mutate(rng, s, edits):
    s = list(s)
    for _ in range(edits):
        op = rng.randrange(3)
        i = rng.randrange(len(s))
        if op == 0 and len(s) < MAXL:
            s.insert(i, rng.choice(LETTERS))
        elif op == 1 and len(s) > 1:
            del s[i]
        else:
            s[i] = rng.choice(LETTERS)
    return "".join(s)


def main():
    rng = random.Random(1965)
    tests = []

    def add(name, s, t):
        assert 1 <= len(s) <= MAXL and 1 <= len(t) <= MAXL
        assert set(s + t) <= set(LETTERS)
        ans = solve(s, t)
        assert bit_parallel(s, t) == ans, name
        if len(s) + len(t) <= 9:
            assert bfs(s, t) == ans, name
        tests.append((name, s, t))

    add("01-single-same", "q", "q")
    add("02-single-diff", "a", "z")
    add("03-one-vs-long", "a", "b" * 1000 + "a" + "b" * 999)
    add("04-swap", "ab", "ba")
    add("05-tiny", "abbab", "baab")
    add("06-prefix", "algorithm", "algorithmics")
    add("07-random-small", rand_word(rng, 50, "abc"), rand_word(rng, 60, "abc"))
    add("08-random-medium", rand_word(rng, 500, LETTERS), rand_word(rng, 450, LETTERS))
    # large tests near the limits
    add("09-large-binary", rand_word(rng, MAXL, "ab"), rand_word(rng, MAXL, "ab"))
    add("10-large-letters", rand_word(rng, MAXL, LETTERS), rand_word(rng, MAXL, LETTERS))
    s = rand_word(rng, MAXL, "abcd")
    add("11-large-similar", s, mutate(rng, s, 150))
    add("12-large-disjoint", "a" * MAXL, "b" * MAXL)
    add("13-large-rotation", s, s[700:] + s[:700])

    for name, s, t in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(f"{s}\n{t}\n")
        with open(base + ".ans", "w") as f:
            f.write(f"{solve(s, t)}\n")


if __name__ == "__main__":
    main()
