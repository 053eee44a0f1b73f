// Tries: a 600 MiB static (.bss) array touched page by page; the image cannot even be loaded under 256 MiB -> MLE.
#include <cstdio>
static char big[size_t(600) << 20];
int main() {
    for (size_t i = 0; i < sizeof big; i += 4096) big[i] = 1;
    asm volatile("" : : "r"(big) : "memory");
    std::puts(big[4096] == 1 ? "ok" : "bad");
    return 0;
}
