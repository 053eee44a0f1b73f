# Tries: ptrace(PTRACE_TRACEME) through ctypes/libc; must end as SV ptrace.
import ctypes
import sys

libc = ctypes.CDLL(None, use_errno=True)
if libc.ptrace(0, 0, None, None) != 0:
    sys.exit(3)
print("ESCAPED")
