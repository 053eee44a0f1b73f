// Modular Inverses — reference: iterative extended Euclid on (m, a mod m),
// tracking only the coefficient of a. O(log m) per query.
#include <bits/stdc++.h>
using namespace std;

long long inverse(long long a, long long m) {
    long long r0 = m, r1 = a % m, s0 = 0, s1 = 1;  // r_i == s_i * a (mod m)
    while (r1) {
        long long k = r0 / r1;
        tie(r0, r1) = make_pair(r1, r0 - k * r1);
        tie(s0, s1) = make_pair(s1, s0 - k * s1);
    }
    if (m == 1) return 0;
    if (r0 != 1) return -1;
    return ((s0 % m) + m) % m;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int q;
    if (!(cin >> q)) return 0;
    string out;
    out.reserve((size_t)q * 11);
    while (q--) {
        long long a, m;
        cin >> a >> m;
        out += to_string(inverse(a, m));
        out += '\n';
    }
    fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
