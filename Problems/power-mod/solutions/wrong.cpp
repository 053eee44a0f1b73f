// Huge Powers — KNOWN WRONG: binary exponentiation that forgets to reduce the
// base modulo m before the first multiplication. With a above ~4e9 the product
// base * base overflows 64 bits and the remainders come out wrong.
// Passes both samples (their bases are small).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    while (q--) {
        unsigned long long a, b, m;
        scanf("%llu %llu %llu", &a, &b, &m);
        unsigned long long result = 1 % m, base = a;
        for (; b; b >>= 1) {
            if (b & 1) result = result * base % m;
            base = base * base % m;
        }
        printf("%llu\n", result);
    }
    return 0;
}
