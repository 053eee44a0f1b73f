# Tries to learn the hidden answer without reading it: os.stat of the .ans file named on stdin and of its folder,
# os.readlink of /proc/self/fd/0 and /dev/stdin. All must fail: exit 3.
import os
import sys

answer = sys.stdin.readline().strip()
escaped = []
for path in (answer, os.path.dirname(answer)):
    try:
        escaped.append("%s size %d" % (path, os.stat(path).st_size))
    except OSError:
        pass
for link in ("/proc/self/fd/0", "/dev/stdin"):
    try:
        target = os.readlink(link)
        if target.startswith("/") and not target.startswith("/dev/"):
            escaped.append("%s -> %s" % (link, target))
    except OSError:
        pass
if escaped:
    print("ESCAPED", escaped)
    sys.exit(0)
sys.exit(3)
