// Two Sum — reference solution: sort positions by value, then two pointers. O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long t;
    if (!(cin >> n >> t)) return 0;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    vector<int> idx(n);
    iota(idx.begin(), idx.end(), 0);
    sort(idx.begin(), idx.end(), [&](int x, int y) { return a[x] < a[y]; });
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        long long s = a[idx[lo]] + a[idx[hi]];
        if (s == t) {
            int i = idx[lo] + 1, j = idx[hi] + 1;
            if (i > j) swap(i, j);
            printf("%d %d\n", i, j);
            return 0;
        }
        if (s < t) ++lo; else --hi;
    }
    printf("-1 -1\n");  // unreachable for valid input
    return 0;
}
