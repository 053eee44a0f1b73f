// Hypotenuse — RUN TIME ERROR: keeps the answers in a vector sized for at most
// 100 triangles and writes them with .at(), which throws std::out_of_range
// (uncaught -> std::terminate -> SIGABRT) on any test with T > 100.
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
    int t;
    if (scanf("%d", &t) != 1) return 0;
    std::vector<double> answers(100);
    for (int i = 0; i < t; ++i) {
        long long a, b;
        scanf("%lld %lld", &a, &b);
        answers.at(i) = std::hypot((double)a, (double)b);
    }
    for (int i = 0; i < t; ++i) printf("%.9f\n", answers[i]);
    return 0;
}
