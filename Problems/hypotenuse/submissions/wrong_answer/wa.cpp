// Hypotenuse — WRONG ANSWER: squares the legs in 32-bit int arithmetic, which
// overflows once a leg exceeds 46340. Correct on the sample and group 1.
#include <cmath>
#include <cstdio>

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    while (t--) {
        int a, b;
        scanf("%d %d", &a, &b);
        unsigned s = (unsigned)a * (unsigned)a + (unsigned)b * (unsigned)b;  // wraps modulo 2^32
        printf("%.9f\n", std::sqrt((double)s));
    }
    return 0;
}
