// Typo Distance — KNOWN WRONG: computes max(|s|, |t|) - LCS(s, t), reasoning
// that every letter outside a longest common subsequence costs one operation.
// That undercounts when the leftover letters cannot be paired up by
// replacements (for "ab" -> "ba" it prints 1 instead of 2). Passes both samples.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s, t;
    if (!(cin >> s >> t)) return 0;
    int n = s.size(), m = t.size();
    vector<int> prev(m + 1, 0), cur(m + 1, 0);
    for (int i = 1; i <= n; ++i) {
        for (int j = 1; j <= m; ++j)
            cur[j] = s[i - 1] == t[j - 1] ? prev[j - 1] + 1 : max(prev[j], cur[j - 1]);
        swap(prev, cur);
    }
    printf("%d\n", max(n, m) - prev[m]);
    return 0;
}
