// Wrong answer: prints N/2 twice, which only sums to N when N is even
// (passes the sample, fails secret/2 with N = 7).
#include <cstdio>
int main() {
    long long n;
    if (scanf("%lld", &n) == 1) printf("%lld %lld\n", n / 2, n / 2);
}
