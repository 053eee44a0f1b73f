// Primes in Ranges — KNOWN WRONG: answers pre[r] - pre[l] instead of
// pre[r] - pre[l-1], so a prime left end l is not counted (off-by-one).
// Passes the samples (no sample query starts at a prime).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int q;
    if (!(cin >> q)) return 0;
    vector<int> l(q), r(q);
    int R = 1;
    for (int i = 0; i < q; ++i) {
        cin >> l[i] >> r[i];
        R = max(R, r[i]);
    }
    vector<char> composite(R + 1, 0);
    composite[0] = 1;
    composite[1] = 1;
    for (long long i = 2; i * i <= R; ++i)
        if (!composite[i])
            for (long long j = i * i; j <= R; j += i) composite[j] = 1;
    vector<int> pre(R + 1, 0);
    for (int i = 1; i <= R; ++i) pre[i] = pre[i - 1] + !composite[i];
    for (int i = 0; i < q; ++i) printf("%d\n", pre[r[i]] - pre[l[i]]);
    return 0;
}
