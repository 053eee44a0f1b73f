#!/usr/bin/env python3
"""Checker for two-coloring (Two Colors).

Usage (testlib convention):  checker.py INPUT_FILE CONTESTANT_OUTPUT_FILE ANSWER_FILE

Exit codes: 0 = accepted, 1 = wrong answer, 3 = checker failure (bad input or
jury answer, or bad usage). A one-line reason is printed to stdout.

The jury answer is either IMPOSSIBLE or one valid coloring (which is verified
too). The contestant output is untrusted: it may be empty, contain garbage
bytes, spaces between the digits, the wrong length, digits other than 1/2, etc.
A contestant coloring is checked against the input's edges, not compared with
the jury's coloring.
"""
import sys

OK, WA, FAIL = 0, 1, 3
MAX_OUTPUT_BYTES = 16 * 1024 * 1024


def verdict(code, message):
    print(message.replace("\n", " ")[:500])
    sys.exit(code)


def show(token):
    text = token[:20].decode("ascii", "backslashreplace")
    return repr(text + ("..." if len(token) > 20 else ""))


def check_coloring(tokens, n, edges):
    """Return None if tokens hold a valid coloring, else a reason string."""
    if len(tokens) != 1:
        if len(tokens) == n and all(t in (b"1", b"2") for t in tokens):
            return f"expected one string of {n} digits without spaces, found {n} separate tokens"
        return f"expected one string of {n} digits, found {len(tokens)} tokens"
    s = tokens[0]
    if len(s) != n:
        return f"expected {n} digits, found a token of length {len(s)}: {show(s)}"
    bad = s.strip(b"12")
    if bad:
        i = next(k for k, ch in enumerate(s) if ch not in b"12")
        return f"character {i + 1} is {show(s[i:i + 1])}, not 1 or 2"
    for k, (u, v) in enumerate(edges):
        if s[u - 1] == s[v - 1]:
            if u == v:
                return f"edge {k + 1} is a loop at vertex {u}"
            return f"edge {k + 1} joins vertices {u} and {v} of the same color {chr(s[u - 1])}"
    return None


def main():
    if len(sys.argv) < 4:
        verdict(FAIL, "usage: checker.py INPUT_FILE CONTESTANT_OUTPUT_FILE ANSWER_FILE")
    try:
        with open(sys.argv[1], "rb") as f:
            nums = list(map(int, f.read().split()))
        n, m = nums[0], nums[1]
        flat = nums[2:2 + 2 * m]
        if n < 1 or len(flat) != 2 * m or not all(1 <= x <= n for x in flat):
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
        reason = check_coloring(jury, n, edges)
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
        verdict(WA, "reported IMPOSSIBLE, but a valid coloring exists")

    reason = check_coloring(tokens, n, edges)
    if reason is not None:
        if jury_impossible:
            verdict(WA, f"no valid coloring exists (expected IMPOSSIBLE); {reason}")
        verdict(WA, reason)
    if jury_impossible:
        verdict(FAIL, "contestant found a valid coloring but the jury says IMPOSSIBLE")
    verdict(OK, f"valid coloring of {n} vertices")


if __name__ == "__main__":
    main()
