// Hypotenuse — TIME LIMIT EXCEEDED: finds the integer part of the hypotenuse
// by counting up from 0 (about 1.4e9 steps per triangle when the legs are near
// 1e9), then refines it by bisection. Correct, but far too slow on group 2.
#include <cstdio>

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    while (t--) {
        unsigned long long a, b;
        scanf("%llu %llu", &a, &b);
        unsigned long long s = a * a + b * b;
        volatile unsigned long long c = 0;
        while ((c + 1) * (c + 1) <= s) c = c + 1;
        long double lo = c, hi = c + 1.0L;
        for (int it = 0; it < 100; ++it) {
            long double mid = (lo + hi) / 2;
            if (mid * mid <= (long double)s) lo = mid; else hi = mid;
        }
        printf("%.9Lf\n", lo);
    }
    return 0;
}
