# Tries: os.kill(-1, SIGKILL) to kill every process it may signal; must end as SV kill and the sentinel must survive.
import os
import signal
import sys

try:
    os.kill(-1, signal.SIGKILL)
except OSError:
    sys.exit(3)
print("ESCAPED")
