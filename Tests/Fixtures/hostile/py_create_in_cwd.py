# Tries: create ./fill.bin in its own work dir and write to it forever (disk fill); open must fail -> exit 3.
import sys

try:
    f = open("fill.bin", "wb")
except OSError:
    sys.exit(3)
block = b"x" * (1 << 20)
while True:
    f.write(block)
