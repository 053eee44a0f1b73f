# Tries: plant a symlink (to "/") at the absolute path read from stdin; must fail -> exit 3.
import os
import sys

path = sys.stdin.readline().strip()
try:
    os.symlink("/", path)
except OSError:
    sys.exit(3)
print("ESCAPED")
