// Longest Substring Without Repeats — KNOWN WRONG: sets left = last[c] + 1
// unconditionally, so an old occurrence OUTSIDE the window drags the left end
// backwards (`abba` gives 3 instead of 2). Passes both samples.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    if (!(cin >> s)) return 0;
    vector<int> last(256, -1);
    int left = 0, best = 0;
    for (int i = 0; i < (int)s.size(); ++i) {
        unsigned char c = s[i];
        if (last[c] != -1) left = last[c] + 1;
        last[c] = i;
        best = max(best, i - left + 1);
    }
    printf("%d\n", best);
    return 0;
}
