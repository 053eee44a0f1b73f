// Window Maximums — reference: monotonic deque of indices (values decreasing
// from front to back); the front leaves once it falls out of the window. O(n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, k;
    if (!(cin >> n >> k)) return 0;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    vector<int> dq(n);
    int head = 0, tail = 0;  // dq[head..tail)
    string out;
    out.reserve((size_t)(n - k + 1) * 12);
    for (int i = 0; i < n; ++i) {
        while (tail > head && a[dq[tail - 1]] <= a[i]) --tail;
        dq[tail++] = i;
        if (dq[head] <= i - k) ++head;
        if (i >= k - 1) {
            out += to_string(a[dq[head]]);
            out += (i == n - 1 ? '\n' : ' ');
        }
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
