// Tries: ~3-4 s of CPU (3.5G-step LCG chain) then print ok; must be TLE under 1 s.
#include <stdio.h>
int main(void) {
    unsigned long long x = 1;
    for (unsigned long long i = 0; i < 3500000000ULL; i++) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    puts(x == 0 ? "zero" : "ok");
    return 0;
}
