// Pattern Occurrences — reference: Knuth–Morris–Pratt. O(|T| + |P|).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string t, p;
    if (!(cin >> t >> p)) return 0;
    int m = p.size();
    vector<int> pi(m, 0);
    for (int i = 1, k = 0; i < m; ++i) {
        while (k && p[i] != p[k]) k = pi[k - 1];
        if (p[i] == p[k]) ++k;
        pi[i] = k;
    }
    long long count = 0;
    for (int i = 0, k = 0; i < (int)t.size(); ++i) {
        while (k && t[i] != p[k]) k = pi[k - 1];
        if (t[i] == p[k]) ++k;
        if (k == m) {
            ++count;
            k = pi[k - 1];
        }
    }
    printf("%lld\n", count);
    return 0;
}
