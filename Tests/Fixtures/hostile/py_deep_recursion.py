# Tries: nothing hostile: 200000-deep Python recursion with sys.setrecursionlimit(10**6) then print ok; must be AC.
import sys

sys.setrecursionlimit(10**6)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + n % 7


print("ok" if depth(200000) == sum(i % 7 for i in range(1, 200001)) else "bad")
