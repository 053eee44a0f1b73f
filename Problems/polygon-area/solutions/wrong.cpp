// Fence and Field — KNOWN WRONG: forgets the absolute value of the shoelace
// sum, so clockwise polygons get a negative area. Passes both samples
// (they are counter-clockwise).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<double> x(n), y(n);
    for (int i = 0; i < n; ++i) scanf("%lf %lf", &x[i], &y[i]);
    double area = 0, perimeter = 0;
    for (int i = 0; i < n; ++i) {
        int j = (i + 1) % n;
        area += x[i] * y[j] - x[j] * y[i];
        perimeter += hypot(x[j] - x[i], y[j] - y[i]);
    }
    printf("%.6f %.6f\n", perimeter, area / 2);
    return 0;
}
