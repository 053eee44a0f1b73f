# Hypotenuse — accepted under PyPy (Kattis judges Python with it): the square root by bisection on the answer,
# 6,000 rounds per test in pure Python, 60 million loop steps; CPython needs several times the time limit.
import sys


def hypotenuse(a, b):
    square = float(a * a + b * b)
    low, high = 0.0, float(a + b)
    for _ in range(6000):
        middle = (low + high) / 2
        if middle * middle < square:
            low = middle
        else:
            high = middle
    return high


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for k in range(t):
        out.append(f"{hypotenuse(int(data[1 + 2 * k]), int(data[2 + 2 * k])):.9f}")
    sys.stdout.write("\n".join(out) + "\n")


main()
