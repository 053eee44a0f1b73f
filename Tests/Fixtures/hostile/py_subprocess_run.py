# Tries: subprocess.run(["/bin/sh", "-c", "echo hi"]) (CPython 3.11 uses vfork, else fork); must end as SV vfork/clone.
import subprocess
import sys

try:
    subprocess.run(["/bin/sh", "-c", "echo hi"], check=True)
except Exception:
    sys.exit(3)
print("ESCAPED")
