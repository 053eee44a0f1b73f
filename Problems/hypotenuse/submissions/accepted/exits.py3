# Hypotenuse — accepted: reads and answers test by test, then ends with exit(), as many Kattis submissions (and
# model answers) do; `.py3` is Kattis' extension for Python 3.
import math
import sys

t = int(sys.stdin.readline())
if t <= 0:
    quit()
for _ in range(t):
    a, b = map(int, sys.stdin.readline().split())
    print(f"{math.sqrt(a * a + b * b):.9f}")
exit(0)
