# Tries: append to its own source file (main.py in the work dir); modifying files must fail -> exit 3.
import sys

try:
    with open(sys.argv[0], "a") as f:
        f.write("\n# ESCAPED\n")
except OSError:
    sys.exit(3)
print("ESCAPED")
