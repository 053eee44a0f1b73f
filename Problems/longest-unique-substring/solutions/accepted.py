# Longest Substring Without Repeats — reference: sliding window with the last
# position of every character; the left end never moves backwards. O(|s|).
import sys


def main():
    s = sys.stdin.buffer.read().split()[0]
    last = [-1] * 256
    left = best = 0
    for i, c in enumerate(s):
        j = last[c]
        if j >= left:
            left = j + 1
        last[c] = i
        if i - left >= best:
            best = i - left + 1
    print(best)


main()
