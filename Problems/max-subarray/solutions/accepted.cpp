// Best Stretch — reference: Kadane's algorithm with 64-bit sums. O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    long long best = LLONG_MIN, cur = 0;
    for (int i = 0; i < n; ++i) {
        long long x;
        cin >> x;
        cur = (i == 0 || cur < 0) ? x : cur + x;  // best sum of a stretch ending here
        best = max(best, cur);
    }
    printf("%lld\n", best);
    return 0;
}
