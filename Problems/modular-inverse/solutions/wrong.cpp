// Modular Inverses — KNOWN WRONG: after checking gcd(a, m) == 1 it returns
// a^(m-2) mod m (Fermat's little theorem), which is the inverse only when m is
// prime. Passes both samples (prime moduli, plus non-invertible cases caught
// by the gcd check).
#include <bits/stdc++.h>
using namespace std;

long long power(long long b, long long e, long long m) {
    long long r = 1 % m;
    b %= m;
    while (e > 0) {
        if (e & 1) r = r * b % m;
        b = b * b % m;
        e >>= 1;
    }
    return r;
}

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    while (q--) {
        long long a, m;
        scanf("%lld %lld", &a, &m);
        if (std::gcd(a, m) != 1) puts("-1");
        else printf("%lld\n", power(a, m - 2, m));
    }
    return 0;
}
