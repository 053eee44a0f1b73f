# Tries: os.setuid(0) to become root; must end as SV setuid.
import os
import sys

try:
    os.setuid(0)
except OSError:
    sys.exit(3)
print("ESCAPED")
