// Tries: allocate and touch 600 MiB in 1 MiB steps; must be MLE (bad_alloc at the address-space limit or OOM kill).
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>
int main() {
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 600; i++) {
        blocks.emplace_back(new char[1 << 20]);
        std::memset(blocks.back().get(), i, 1 << 20);
        asm volatile("" : : "r"(blocks.back().get()) : "memory");
    }
    std::puts("ok");
    return 0;
}
