# Tries: bytearray(600 MiB) in one allocation; MemoryError must be MLE.
b = bytearray(600 * 2**20)
print("ok" if b[12345] == 0 else "bad")
