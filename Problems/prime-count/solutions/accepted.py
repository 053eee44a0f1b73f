# Primes in Ranges — reference: bytearray sieve, prefix counts per block of
# 256 numbers, and bytearray.count() for the partial block. O(R log log R + q * B).
import sys

B = 256


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    qs = list(map(int, data[1:1 + 2 * q]))
    R = max(max(qs[1::2]), 2)
    s = bytearray([1]) * (R + 1)
    s[0] = s[1] = 0
    i = 2
    while i * i <= R:
        if s[i]:
            s[i * i::i] = bytes(len(range(i * i, R + 1, i)))
        i += 1
    # blk[k] = number of primes in [0, k*B)
    blk = [0]
    for start in range(0, R + 1, B):
        blk.append(blk[-1] + s.count(1, start, start + B))

    def upto(x):  # primes in [0, x]
        k = (x + 1) // B
        return blk[k] + s.count(1, k * B, x + 1)

    out = []
    for k in range(q):
        l, r = qs[2 * k], qs[2 * k + 1]
        out.append(upto(r) - upto(l - 1))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
