# Tries: read /proc/1/cmdline and /proc/self/environ; /proc is not readable -> exit 3.
import sys

for path in ("/proc/1/cmdline", "/proc/self/environ"):
    try:
        with open(path, "rb") as f:
            sys.stdout.write(f.read().decode("latin-1") + "\nESCAPED\n")
            sys.exit(0)
    except OSError:
        pass
sys.exit(3)
