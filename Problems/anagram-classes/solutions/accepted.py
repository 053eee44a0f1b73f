# Anagram Classes — reference: the sorted letters of a word identify its class;
# count them with a Counter. O(L log L) for total length L.
import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    classes = Counter(bytes(sorted(w)) for w in data[1:1 + n])
    print(len(classes), max(classes.values()))


main()
