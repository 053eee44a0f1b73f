# Tries: start up to 100000 daemon threads (256 KiB stacks) that block forever; thread creation must fail -> exit 4.
import sys
import threading

threading.stack_size(256 * 1024)
forever = threading.Event()
for _ in range(100000):
    try:
        threading.Thread(target=forever.wait, daemon=True).start()
    except (RuntimeError, MemoryError):
        sys.exit(4)
print("ESCAPED")
