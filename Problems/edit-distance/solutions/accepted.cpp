// Typo Distance — reference: Levenshtein DP over prefixes with two rows.
// d[i][j] = distance between s[0..i) and t[0..j). O(|s| * |t|).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s, t;
    if (!(cin >> s >> t)) return 0;
    int n = s.size(), m = t.size();
    vector<int> prev(m + 1), cur(m + 1);
    iota(prev.begin(), prev.end(), 0);  // d[0][j] = j insertions
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;  // d[i][0] = i deletions
        for (int j = 1; j <= m; ++j) {
            int best = prev[j - 1] + (s[i - 1] != t[j - 1]);  // match / replace
            best = min(best, prev[j] + 1);                    // delete s[i-1]
            best = min(best, cur[j - 1] + 1);                 // insert t[j-1]
            cur[j] = best;
        }
        swap(prev, cur);
    }
    printf("%d\n", prev[m]);
    return 0;
}
