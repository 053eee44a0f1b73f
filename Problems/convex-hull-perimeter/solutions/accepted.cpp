// Rubber Band — reference: Andrew's monotone chain with exact 64-bit cross
// products (collinear points dropped), then the sum of the hull's sides.
// For a degenerate hull of two points the closed walk A -> B -> A gives twice
// the segment; for one point it gives 0. O(n log n).
#include <bits/stdc++.h>
using namespace std;
typedef long long ll;
typedef pair<ll, ll> P;

ll cross(const P &o, const P &a, const P &b) {
    return (a.first - o.first) * (b.second - o.second) - (a.second - o.second) * (b.first - o.first);
}

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<P> p(n);
    for (auto &[x, y] : p) scanf("%lld %lld", &x, &y);
    sort(p.begin(), p.end());
    p.erase(unique(p.begin(), p.end()), p.end());
    int m = p.size();
    vector<P> h;
    if (m <= 2) {
        h = p;
    } else {
        vector<P> st(2 * m);
        int k = 0;
        for (int i = 0; i < m; ++i) {  // lower hull
            while (k >= 2 && cross(st[k - 2], st[k - 1], p[i]) <= 0) --k;
            st[k++] = p[i];
        }
        for (int i = m - 2, lo = k + 1; i >= 0; --i) {  // upper hull
            while (k >= lo && cross(st[k - 2], st[k - 1], p[i]) <= 0) --k;
            st[k++] = p[i];
        }
        h.assign(st.begin(), st.begin() + k - 1);
    }
    double total = 0;
    if (h.size() >= 2)
        for (size_t i = 0; i < h.size(); ++i) {
            const P &a = h[i], &b = h[(i + 1) % h.size()];
            total += hypot((double)(b.first - a.first), (double)(b.second - a.second));
        }
    printf("%.9f\n", total);
    return 0;
}
