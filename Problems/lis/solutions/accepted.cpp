// LIS — reference: patience sorting with lower_bound (strict). O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<int> tails;  // tails[k] = smallest possible tail of an increasing subsequence of length k+1
    for (int i = 0; i < n; ++i) {
        int x;
        cin >> x;
        auto it = lower_bound(tails.begin(), tails.end(), x);
        if (it == tails.end()) tails.push_back(x);
        else *it = x;
    }
    printf("%zu\n", tails.size());
    return 0;
}
