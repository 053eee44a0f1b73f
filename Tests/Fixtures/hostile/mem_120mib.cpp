// Tries: nothing hostile: allocate and touch 120 MiB, then print ok; must be AC under 256 MiB.
#include <cstdio>
#include <vector>
int main() {
    const size_t n = size_t(120) << 20;
    std::vector<char> v(n);
    for (size_t i = 0; i < n; i += 4096) v[i] = char(i >> 12);
    asm volatile("" : : "r"(v.data()) : "memory");
    unsigned long sum = 0;
    for (size_t i = 0; i < n; i += 4096) sum += (unsigned char)v[i];
    std::puts(sum == 0 ? "bad" : "ok");
    return 0;
}
