// Best Stretch — KNOWN WRONG: Kadane's algorithm with 32-bit int sums. Any
// stretch whose total exceeds 2^31 - 1 overflows. Passes both samples.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    int best = INT_MIN, cur = 0;
    for (int i = 0; i < n; ++i) {
        int x;
        cin >> x;
        // unsigned arithmetic: wraps around like the usual overflow, without UB
        cur = (i == 0 || cur < 0) ? x : (int)((unsigned)cur + (unsigned)x);
        best = max(best, cur);
    }
    printf("%d\n", best);
    return 0;
}
