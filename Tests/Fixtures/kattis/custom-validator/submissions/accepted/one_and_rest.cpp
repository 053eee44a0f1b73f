// Accepted: 1 and N-1.
#include <cstdio>
int main() {
    long long n;
    if (scanf("%lld", &n) == 1) printf("%lld %lld\n", 1LL, n - 1);
}
