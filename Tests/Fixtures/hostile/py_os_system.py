# Tries: os.system("echo ESCAPED") (glibc system -> posix_spawn -> clone); must end as SV clone.
import os
import sys

if os.system("echo ESCAPED") != 0:
    sys.exit(3)
print("ESCAPED")
