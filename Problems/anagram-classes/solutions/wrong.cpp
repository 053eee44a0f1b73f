// Anagram Classes — KNOWN WRONG: identifies a class by (length, sum of letter
// codes), a "hash" that is not unique: `ad` and `bc` get the same key although
// they are not anagrams. Passes both samples (no such collision there).
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    unordered_map<long long, int> classes;
    int best = 0;
    for (int i = 0; i < n; ++i) {
        string w;
        cin >> w;
        long long sum = 0;
        for (char c : w) sum += c - 'a' + 1;
        long long key = (long long)w.size() * 100000 + sum;
        best = max(best, ++classes[key]);
    }
    printf("%zu %d\n", classes.size(), best);
    return 0;
}
