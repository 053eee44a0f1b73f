// Bracket Depth — KNOWN WRONG: keeps one counter per bracket kind instead of a
// stack, so it only checks that no kind closes more often than it opened and
// that all kinds end at zero. Crossed pairs such as `([)]` are wrongly
// reported as balanced. Passes all three samples.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    if (!(cin >> s)) return 0;
    int n = s.size();
    int cnt[3] = {0, 0, 0};
    int open = 0, depth = 0;
    for (int i = 0; i < n; ++i) {
        int k = string("([{").find(s[i]);
        if (k != (int)string::npos) {
            ++cnt[k];
            depth = max(depth, ++open);
            continue;
        }
        k = string(")]}").find(s[i]);
        if (--cnt[k] < 0) {
            printf("NO %d\n", i + 1);
            return 0;
        }
        --open;
    }
    if (cnt[0] || cnt[1] || cnt[2]) printf("NO %d\n", n + 1);
    else printf("YES %d\n", depth);
    return 0;
}
