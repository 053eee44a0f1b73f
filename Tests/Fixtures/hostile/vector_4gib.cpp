// Tries: std::vector<int> v(1 << 30) (4 GiB in one allocation); bad_alloc at once must be MLE.
#include <cstdio>
#include <vector>
int main() {
    std::vector<int> v(size_t(1) << 30);
    asm volatile("" : : "r"(v.data()) : "memory");
    std::puts(v[12345] == 0 ? "ok" : "bad");
    return 0;
}
