# Tries: os.fork() in an endless loop (glibc fork -> clone); must end as SV clone.
import os

while True:
    os.fork()
