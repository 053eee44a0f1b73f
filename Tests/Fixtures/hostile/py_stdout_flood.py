# Tries: write to stdout forever (CPython ignores SIGXFSZ, so it gets EFBIG and dies with a traceback); must be OLE.
import sys

line = "z" * (1 << 20) + "\n"
while True:
    sys.stdout.write(line)
