// Sort by Frequency — reference: sort a copy, run-length encode it into
// (value, count) pairs, sort pairs by (-count, value). O(n log n).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    sort(a.begin(), a.end());
    vector<pair<int, long long>> groups;  // (-count, value)
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && a[j] == a[i]) ++j;
        groups.push_back({-(j - i), a[i]});
        i = j;
    }
    sort(groups.begin(), groups.end());
    string out;
    for (auto &[negc, v] : groups)
        for (int k = 0; k < -negc; ++k) {
            if (!out.empty()) out += ' ';
            out += to_string(v);
        }
    out += '\n';
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
