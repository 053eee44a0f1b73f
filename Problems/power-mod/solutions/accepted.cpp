// Huge Powers — reference: binary exponentiation. The base is reduced modulo m
// first, so every product is below m^2 <= 4e18 and fits in unsigned 64 bits.
// O(q log b).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    string out;
    while (q--) {
        unsigned long long a, b, m;
        scanf("%llu %llu %llu", &a, &b, &m);
        unsigned long long result = 1 % m, base = a % m;
        for (; b; b >>= 1) {
            if (b & 1) result = result * base % m;
            base = base * base % m;
        }
        out += to_string(result);
        out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
