// Bracket Depth — reference: the stack procedure of the statement; the stack
// is a plain char array. O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    if (!(cin >> s)) return 0;
    int n = s.size();
    vector<char> st;
    st.reserve(n);
    size_t depth = 0;
    for (int i = 0; i < n; ++i) {
        char c = s[i];
        if (c == '(' || c == '[' || c == '{') {
            st.push_back(c);
            depth = max(depth, st.size());
            continue;
        }
        char want = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (st.empty() || st.back() != want) {
            printf("NO %d\n", i + 1);
            return 0;
        }
        st.pop_back();
    }
    if (!st.empty()) printf("NO %d\n", n + 1);
    else printf("YES %zu\n", depth);
    return 0;
}
