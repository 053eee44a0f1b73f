// Tries: nothing hostile: 2,000,000-deep non-tail recursion (48-byte frames at -O2, ~92 MiB of stack) then print ok; must be AC under 256 MiB.
#include <cstdio>
static volatile long long sink;
__attribute__((noinline)) static long long depth(long long n) {
    if (n == 0) return 0;
    volatile long long local[3] = {n * 3, n, -n}; // keeps real slots in the frame
    long long r = depth(n - 1);
    sink = r; // a side effect after the call: no tail-call or accumulator rewrite
    return r + local[0] % 7 + local[1] + local[2];
}
int main() {
    const long long n = 2000000;
    long long expect = 0;
    for (long long i = 1; i <= n; i++) expect += (i * 3) % 7;
    std::puts(depth(n) == expect ? "ok" : "bad");
    return 0;
}
