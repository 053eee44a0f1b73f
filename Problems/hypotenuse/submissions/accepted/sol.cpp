// Hypotenuse — accepted: hypot in double precision.
#include <cmath>
#include <cstdio>

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    while (t--) {
        long long a, b;
        scanf("%lld %lld", &a, &b);
        printf("%.9f\n", std::hypot((double)a, (double)b));
    }
    return 0;
}
