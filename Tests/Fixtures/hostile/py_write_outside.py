# Tries: create and write the file at the absolute path read from stdin (outside the work dir); must fail -> exit 3.
import sys

path = sys.stdin.readline().strip()
try:
    with open(path, "w") as f:
        f.write("ESCAPED\n")
except OSError:
    sys.exit(3)
print("ESCAPED")
