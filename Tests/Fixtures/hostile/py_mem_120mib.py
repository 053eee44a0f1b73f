# Tries: nothing hostile: allocate and touch 120 MiB (bytearray), then print ok; must be AC under 256 MiB.
n = 120 << 20
b = bytearray(n)
b[::4096] = b"\x01" * len(range(0, n, 4096))
print("ok" if sum(b[::4096]) == len(range(0, n, 4096)) else "bad")
