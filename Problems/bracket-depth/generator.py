#!/usr/bin/env python3
"""Deterministic test generator for bracket-depth.

Writes NN-name.in / NN-name.ans next to this file. Answers come from solve()
(the stack procedure of the statement). Tests up to 400 characters are
cross-checked with an independent brute force: the error position is the
first prefix that can no longer be completed to a balanced string (found by
repeatedly deleting adjacent matching pairs), and the depth is the largest
prefix surplus of opening over closing brackets.
"""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
MAXN = 10**6
OPEN = "([{"
CLOSE = ")]}"
MATCH = {")": "(", "]": "[", "}": "{"}


def solve(s):
    stack = []
    depth = 0
    for i, c in enumerate(s):
        if c in OPEN:
            stack.append(c)
            depth = max(depth, len(stack))
        elif stack and stack[-1] == MATCH[c]:
            stack.pop()
        else:
            return ("NO", i + 1)
    if stack:
        return ("NO", len(s) + 1)
    return ("YES", depth)


def reduce_pairs(t):
    while True:
        u = t.replace("()", "").replace("[]", "").replace("{}", "")
        if u == t:
            return t
        t = u


def brute(s):
    for i in range(1, len(s) + 1):
        if any(c in CLOSE for c in reduce_pairs(s[:i])):
            return ("NO", i)
    if reduce_pairs(s):
        return ("NO", len(s) + 1)
    surplus = best = 0
    for c in s:
        surplus += 1 if c in OPEN else -1
        best = max(best, surplus)
    return ("YES", best)


def balanced(rng, n, max_depth=None):
    """A random balanced string of length n (n even)."""
    out = []
    stack = []
    while len(out) + len(stack) < n:
        room = n - len(out) - len(stack)  # characters still free to place
        can_open = room >= 2 and (max_depth is None or len(stack) < max_depth)
        if stack and (not can_open or rng.random() < 0.5):
            out.append(CLOSE[OPEN.index(stack.pop())])
        else:
            c = rng.choice(OPEN)
            stack.append(c)
            out.append(c)
    while stack:
        out.append(CLOSE[OPEN.index(stack.pop())])
    return "".join(out)


def nested(rng, k):
    left = [rng.choice(OPEN) for _ in range(k)]
    return "".join(left) + "".join(CLOSE[OPEN.index(c)] for c in reversed(left))


def first_close(s, start):
    """Index of the first closing bracket at or after index start."""
    return min(s.find(c, start) % (len(s) + 1) for c in CLOSE)


def swap_close_kind(s, i):
    """Replace the closing bracket at index i by a closing bracket of another kind."""
    c = s[i]
    assert c in CLOSE
    d = CLOSE[(CLOSE.index(c) + 1) % 3]
    return s[:i] + d + s[i + 1:]


def main():
    rng = random.Random(31337)
    tests = []

    def add(name, s, expect=None):
        assert 1 <= len(s) <= MAXN and set(s) <= set(OPEN + CLOSE)
        if len(s) <= 400:
            assert brute(s) == solve(s), name
        if expect is not None:
            assert solve(s)[0] == expect, name
        tests.append((name, s))

    add("01-single-open", "{", "NO")
    add("02-single-close", "]", "NO")
    add("03-one-pair", "()", "YES")
    add("04-crossing", "([)]", "NO")
    add("05-extra-close-middle", "()[]}{()", "NO")
    add("06-unclosed", "{{[[(())]]}", "NO")
    add("07-side-by-side", "()" * 20 + "[]{}" * 10, "YES")
    s = balanced(rng, 200)
    add("08-random-small-balanced", s, "YES")
    add("09-random-small-wrong-kind", swap_close_kind(s, first_close(s, 150)), "NO")
    s = balanced(rng, 5000, max_depth=30)
    add("10-random-medium-balanced", s, "YES")
    # large tests near the limits
    add("11-large-deep", nested(rng, MAXN // 2), "YES")
    s = balanced(rng, MAXN)
    add("12-large-random-balanced", s, "YES")
    add("13-large-error-near-end", swap_close_kind(s, first_close(s, MAXN - 1000)), "NO")
    add("14-large-unclosed", "[" + balanced(rng, MAXN - 2, max_depth=1000) + "(", "NO")

    for name, s in tests:
        base = os.path.join(HERE, name)
        with open(base + ".in", "w") as f:
            f.write(s + "\n")
        with open(base + ".ans", "w") as f:
            f.write("%s %d\n" % solve(s))


if __name__ == "__main__":
    main()
