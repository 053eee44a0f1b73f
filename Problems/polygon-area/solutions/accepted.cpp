// Fence and Field — reference: shoelace formula (exact, 64-bit) and summed side lengths. O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> x(n), y(n);
    for (int i = 0; i < n; ++i) cin >> x[i] >> y[i];
    long long twice = 0;
    double perimeter = 0;
    for (int i = 0; i < n; ++i) {
        int j = (i + 1) % n;
        twice += x[i] * y[j] - x[j] * y[i];
        perimeter += hypot((double)(x[j] - x[i]), (double)(y[j] - y[i]));
    }
    twice = llabs(twice);
    printf("%.6f %lld.%d\n", perimeter, twice / 2, twice % 2 ? 5 : 0);
    return 0;
}
