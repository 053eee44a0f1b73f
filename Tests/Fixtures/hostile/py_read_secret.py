# Tries: read the root-only secret file whose path is on stdin and print it; open must fail -> exit 3.
import sys

path = sys.stdin.readline().strip()
try:
    with open(path, "rb") as f:
        data = f.read()
except OSError:
    sys.exit(3)
sys.stdout.write(data.decode("latin-1") + "\nESCAPED\n")
