#!/usr/bin/env python3
"""Writes problems.jsonl: two hand-written problems in the record format of DeepMind's CodeContests, as the
Hugging Face dataset exports them to JSON lines (difficulty as its enum number, time_limit as {seconds, nanos}).
Deterministic: run it again and the file does not change."""
import json
import random
from pathlib import Path

rng = random.Random(7)


def tests(cases, solve):
    return {"input": [case for case in cases], "output": [solve(case) for case in cases]}


def add(case):
    a, b = map(int, case.split())
    return f"{a + b}\n"


def distinct(case):
    values = sorted(set(map(int, case.split("\n")[1].split())))
    return f"{len(values)}\n{' '.join(map(str, values))}\n"


def distinct_case(n):
    return f"{n}\n{' '.join(str(rng.randint(-50, 50)) for _ in range(n))}\n"


records = [
    {
        "name": "1000_A. Sum of Two",
        "description": "Given two integers a and b, print a + b.\n\nInput\n\nThe only line contains a and b "
                       "(-10^9 ≤ a, b ≤ 10^9).\n\nOutput\n\nPrint a + b.\n\nExample\n\nInput\n\n1 2\n\nOutput\n\n3",
        "public_tests": tests(["1 2\n"], add),
        "private_tests": tests(["-5 5\n", "1000000000 1000000000\n"], add),
        "generated_tests": tests([f"{rng.randint(-10**9, 10**9)} {rng.randint(-10**9, 10**9)}\n" for _ in range(3)], add),
        "source": 2,
        "difficulty": 7,
        "solutions": {"language": [3], "solution": ["a, b = map(int, input().split())\nprint(a + b)\n"]},
        "incorrect_solutions": {"language": [], "solution": []},
        "cf_contest_id": 1000,
        "cf_index": "A",
        "cf_points": 500.0,
        "cf_rating": 800,
        "cf_tags": ["implementation", "math"],
        "is_description_translated": False,
        "untranslated_description": "",
        "time_limit": {"seconds": 1, "nanos": 0},
        "memory_limit_bytes": 256000000,
        "input_file": "",
        "output_file": "",
    },
    {
        "name": "1000_C. Sorted Distinct",
        "description": "Given n integers, print how many distinct values there are, then the distinct values in "
                       "increasing order.\n\nInput\n\nThe first line contains n (1 ≤ n ≤ 10^5), the second the "
                       "integers.\n\nOutput\n\nPrint the count on the first line and the values on the second.",
        "public_tests": tests(["3\n2 1 2\n", "1\n-4\n"], distinct),
        "private_tests": tests([distinct_case(n) for n in (5, 50)], distinct),
        "generated_tests": tests([distinct_case(n) for n in (1, 200)], distinct),
        "source": 2,
        "difficulty": 9,
        "cf_rating": 0,
        "cf_tags": ["sortings", ""],
        "time_limit": {"seconds": 2, "nanos": 500000000},
        "memory_limit_bytes": 268435456,
        "input_file": "",
        "output_file": "",
    },
]

with open(Path(__file__).with_name("problems.jsonl"), "w") as out:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
