# Tries: os.execv("/bin/sh", ...) to replace the interpreter with a shell; must end as SV execve.
import os
import sys

try:
    os.execv("/bin/sh", ["sh", "-c", "echo ESCAPED"])
except OSError:
    sys.exit(3)
