// Close Pairs — reference: sort, then a two-pointer window of values within K
// of the current one. 64-bit differences and count. O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long k;
    if (!(cin >> n >> k)) return 0;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    sort(a.begin(), a.end());
    long long total = 0;
    int lo = 0;
    for (int hi = 0; hi < n; ++hi) {
        while (a[hi] - a[lo] > k) ++lo;
        total += hi - lo;  // pairs (lo..hi-1, hi)
    }
    printf("%lld\n", total);
    return 0;
}
