// LIS — KNOWN WRONG: uses upper_bound, which computes the longest NON-DECREASING
// subsequence; equal values are wrongly allowed to extend it.
// Passes both samples (they have no repeated values).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<int> tails;
    for (int i = 0; i < n; ++i) {
        int x;
        cin >> x;
        auto it = upper_bound(tails.begin(), tails.end(), x);
        if (it == tails.end()) tails.push_back(x);
        else *it = x;
    }
    printf("%zu\n", tails.size());
    return 0;
}
