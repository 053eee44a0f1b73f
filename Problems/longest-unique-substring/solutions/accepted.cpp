// Longest Substring Without Repeats — reference: sliding window; the left end
// jumps past the previous occurrence of the new character, but never moves
// backwards. O(|s|).
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
        left = max(left, last[c] + 1);
        last[c] = i;
        best = max(best, i - left + 1);
    }
    printf("%d\n", best);
    return 0;
}
