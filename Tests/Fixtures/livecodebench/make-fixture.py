#!/usr/bin/env python3
"""Writes problems.jsonl: three hand-written problems in LiveCodeBench's code_generation_lite record format.

One standard-I/O problem (AtCoder style), one functional problem (LeetCode style) with plain JSON private tests,
and one functional problem whose private tests are compressed the way the dataset stores most of them:
base64(zlib(pickle.dumps(json.dumps(tests)))). Deterministic: run it again and the file does not change.
"""
import base64
import json
import pickle
import random
import zlib
from pathlib import Path

rng = random.Random(2024)


def stdin_test(numbers):
    return {"input": f"{len(numbers)}\n{' '.join(map(str, numbers))}\n",
            "output": f"{sum(numbers)} {max(numbers)}\n", "testtype": "stdin"}


def pair_sum(nums, target):
    seen = {}
    for j, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], j]
        seen.setdefault(x, j)


def pair_test(nums, target):
    return {"input": f"{json.dumps(nums)}\n{json.dumps(target)}", "output": json.dumps(pair_sum(nums, target)),
            "testtype": "functional"}


def balanced(s):
    depth = 0
    for c in s:
        depth += 1 if c == "(" else -1
        if depth < 0:
            return False
    return depth == 0


def balanced_test(s):
    return {"input": json.dumps(s), "output": json.dumps(balanced(s)), "testtype": "functional"}


def random_pair_case(n):
    nums = [rng.randint(-10**9, 10**9) for _ in range(n)]
    i, j = sorted(rng.sample(range(n), 2))
    return nums, nums[i] + nums[j]


records = [
    {
        "question_title": "Sum and Maximum",
        "question_content": "You are given N integers A_1, A_2, \\ldots, A_N.\nPrint their sum and their maximum, "
                            "separated by a space.\n\nConstraints\n\n- 1 \\leq N \\leq 2 \\times 10^5\n"
                            "- -10^9 \\leq A_i \\leq 10^9\n\nInput\n\nN\nA_1 A_2 \\ldots A_N\n\nOutput\n\n"
                            "Print the sum and the maximum.\n\nSample Input 1\n\n3\n1 5 2\n\nSample Output 1\n\n8 5",
        "platform": "atcoder",
        "question_id": "abc900_a",
        "contest_id": "abc900",
        "contest_date": "2024-01-06T00:00:00",
        "starter_code": "",
        "difficulty": "easy",
        "public_test_cases": json.dumps([stdin_test([1, 5, 2]), stdin_test([-7])]),
        "private_test_cases": json.dumps(
            [stdin_test([rng.randint(-10**9, 10**9) for _ in range(n)]) for n in (1, 2, 10, 2000)]),
        "metadata": "{}",
    },
    {
        "question_title": "Pair With Target Sum",
        "question_content": "Given an array of integers nums and an integer target, return the indices [i, j] "
                            "(i < j) of two numbers that add up to target, choosing the smallest j and then the "
                            "smallest i. Such a pair always exists.\n\nExample 1:\n\nInput: nums = [2,7,11,15], "
                            "target = 9\nOutput: [0,1]\n\nConstraints:\n\n2 <= nums.length <= 10^5",
        "platform": "leetcode",
        "question_id": "9001",
        "contest_id": "weekly-contest-900",
        "contest_date": "2024-01-07T00:00:00",
        "starter_code": "class Solution:\n    def pairSum(self, nums: List[int], target: int) -> List[int]:\n        ",
        "difficulty": "medium",
        "public_test_cases": json.dumps([pair_test([2, 7, 11, 15], 9), pair_test([3, 3], 6)]),
        "private_test_cases": json.dumps([pair_test(*random_pair_case(n)) for n in (2, 5, 100, 2000)]),
        "metadata": json.dumps({"func_name": "pairSum"}),
    },
    {
        "question_title": "Balanced Parentheses",
        "question_content": "Given a string s of '(' and ')', return true if it is balanced.\n\nExample 1:\n\n"
                            "Input: s = \"(())\"\nOutput: true\n\nExample 2:\n\nInput: s = \")(\"\nOutput: false",
        "platform": "leetcode",
        "question_id": "9002",
        "contest_id": "weekly-contest-900",
        "contest_date": "2024-01-07T00:00:00",
        "starter_code": "class Solution:\n    def isBalanced(self, s: str) -> bool:\n        ",
        "difficulty": "easy",
        "public_test_cases": json.dumps([balanced_test("(())"), balanced_test(")(")]),
        "private_test_cases": base64.b64encode(zlib.compress(pickle.dumps(json.dumps(
            [balanced_test(s) for s in ("", "()()", "(()", "(" * 40000 + ")" * 40000, "(" * 40000 + ")" * 39999)]
        )))).decode(),
        "metadata": json.dumps({"func_name": "isBalanced"}),
    },
]

with open(Path(__file__).with_name("problems.jsonl"), "w") as out:
    for record in records:
        out.write(json.dumps(record) + "\n")
