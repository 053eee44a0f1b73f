// Point to Segment — reference: exact integer dot product decides whether the
// projection of P falls before A, after B or inside AB; inside, the distance
// is |cross| / |AB|. O(1) per query.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    while (q--) {
        long long px, py, ax, ay, bx, by;
        scanf("%lld %lld %lld %lld %lld %lld", &px, &py, &ax, &ay, &bx, &by);
        long long dx = bx - ax, dy = by - ay;
        long long len2 = dx * dx + dy * dy;
        long long t = (px - ax) * dx + (py - ay) * dy;
        double d;
        if (len2 == 0 || t <= 0) d = hypot((double)(px - ax), (double)(py - ay));
        else if (t >= len2) d = hypot((double)(px - bx), (double)(py - by));
        else d = llabs((px - ax) * dy - (py - ay) * dx) / sqrt((double)len2);
        printf("%.9f\n", d);
    }
    return 0;
}
