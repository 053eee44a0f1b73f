# An honest program: reads its input through open("/dev/stdin"), silences a library's output with
# open(os.devnull, "w"), and ends with exit() as many submissions do. It must be accepted.
import os
import sys

with open("/dev/stdin") as handle:
    word = handle.read().split()[0]
sys.stderr = open(os.devnull, "w")
print("debugging", file=sys.stderr)
print("ok" if word == "hello" else "wrong")
exit()
