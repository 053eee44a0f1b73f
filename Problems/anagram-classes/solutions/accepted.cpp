// Anagram Classes — reference: sort each word's letters to get its class key,
// count keys in a hash map. O(L log L) for total length L.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    unordered_map<string, int> classes;
    classes.reserve(2 * n);
    int best = 0;
    for (int i = 0; i < n; ++i) {
        string w;
        cin >> w;
        sort(w.begin(), w.end());
        best = max(best, ++classes[w]);
    }
    printf("%zu %d\n", classes.size(), best);
    return 0;
}
