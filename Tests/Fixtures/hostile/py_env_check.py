# Tries: look for the judge's marker variable (name on stdin) in os.environ; it must be absent -> prints ok -> AC.
import os
import sys

name = sys.stdin.readline().strip()
if name and name in os.environ:
    print("LEAKED", name, os.environ[name])
    for k, v in os.environ.items():
        print(k, v)
else:
    print("ok")
