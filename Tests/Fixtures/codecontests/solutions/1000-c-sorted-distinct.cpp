#include <bits/stdc++.h>
int main() {
    int n;
    std::scanf("%d", &n);
    std::set<long long> values;
    for (int i = 0; i < n; i++) {
        long long x;
        std::scanf("%lld", &x);
        values.insert(x);
    }
    std::printf("%zu\n", values.size());
    const char *separator = "";
    for (long long x : values) {
        std::printf("%s%lld", separator, x);
        separator = " ";
    }
    std::printf("\n");
}
