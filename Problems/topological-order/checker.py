#!/usr/bin/env python3
"""Checker for topological-order (Task Order).

Usage (testlib convention):  checker.py INPUT_FILE CONTESTANT_OUTPUT_FILE ANSWER_FILE

Exit codes: 0 = accepted, 1 = wrong answer, 3 = checker failure (bad input or
jury answer, or bad usage). A one-line reason is printed to stdout.

The contestant output is untrusted: it may be empty, contain garbage bytes,
too few or too many tokens, out-of-range or repeated numbers, etc.
"""
import re
import sys

OK, WA, FAIL = 0, 1, 3
MAX_OUTPUT_BYTES = 16 * 1024 * 1024
INT_TOKEN = re.compile(rb"0|[1-9][0-9]{0,9}")


def verdict(code, message):
    print(message.replace("\n", " ")[:500])
    sys.exit(code)


def show(token):
    text = token[:20].decode("ascii", "backslashreplace")
    return repr(text + ("..." if len(token) > 20 else ""))


def check_order(tokens, n, edges):
    """Return None if tokens form a valid order, else a reason string."""
    if len(tokens) != n:
        return f"expected {n} task numbers, found {len(tokens)} tokens"
    pos = [-1] * (n + 1)
    for i, tok in enumerate(tokens):
        if not INT_TOKEN.fullmatch(tok):
            return f"token {i + 1} is not a task number: {show(tok)}"
        v = int(tok)
        if not 1 <= v <= n:
            return f"token {i + 1}: task {v} is out of range 1..{n}"
        if pos[v] != -1:
            return f"task {v} appears twice (tokens {pos[v] + 1} and {i + 1})"
        pos[v] = i
    for k, (u, v) in enumerate(edges):
        if pos[u] >= pos[v]:
            return f"requirement {k + 1} violated: task {u} must come before task {v}"
    return None


def main():
    if len(sys.argv) < 4:
        verdict(FAIL, "usage: checker.py INPUT_FILE CONTESTANT_OUTPUT_FILE ANSWER_FILE")
    try:
        with open(sys.argv[1], "rb") as f:
            nums = list(map(int, f.read().split()))
        n, m = nums[0], nums[1]
        flat = nums[2:2 + 2 * m]
        if len(flat) != 2 * m or not all(1 <= x <= n for x in flat):
            raise ValueError("edge list")
        edges = list(zip(flat[0::2], flat[1::2]))
    except (OSError, ValueError, IndexError) as e:
        verdict(FAIL, f"cannot read input file: {e}")

    try:
        with open(sys.argv[3], "rb") as f:
            jury = f.read().split()
    except OSError as e:
        verdict(FAIL, f"cannot read answer file: {e}")
    jury_impossible = jury == [b"IMPOSSIBLE"]
    if not jury_impossible:
        reason = check_order(jury, n, edges)
        if reason is not None:
            verdict(FAIL, f"jury answer is invalid: {reason}")

    try:
        with open(sys.argv[2], "rb") as f:
            raw = f.read(MAX_OUTPUT_BYTES + 1)
    except OSError as e:
        verdict(FAIL, f"cannot read contestant output: {e}")
    if len(raw) > MAX_OUTPUT_BYTES:
        verdict(WA, "output is too large")
    tokens = raw.split()
    if not tokens:
        verdict(WA, "empty output")

    if tokens[0] == b"IMPOSSIBLE":
        if len(tokens) > 1:
            verdict(WA, f"extra output after IMPOSSIBLE: {show(tokens[1])}")
        if jury_impossible:
            verdict(OK, "correctly reported IMPOSSIBLE")
        verdict(WA, "reported IMPOSSIBLE, but a valid order exists")

    reason = check_order(tokens, n, edges)
    if reason is not None:
        if jury_impossible and len(tokens) == n and tokens[0].isdigit():
            verdict(WA, f"no valid order exists (expected IMPOSSIBLE); {reason}")
        verdict(WA, reason)
    if jury_impossible:
        verdict(FAIL, "contestant found a valid order but the jury says IMPOSSIBLE")
    verdict(OK, f"valid order of {n} tasks")


if __name__ == "__main__":
    main()
