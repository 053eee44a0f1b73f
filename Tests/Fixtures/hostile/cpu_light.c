// Tries: nothing hostile: ~0.3 s of CPU (270M-step LCG chain, ~4 cycles/step, ~0.25 s at 3.6 GHz) then print ok; must be AC under 1 s.
#include <stdio.h>
int main(void) {
    unsigned long long x = 1;
    for (unsigned long long i = 0; i < 270000000ULL; i++) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    puts(x == 0 ? "zero" : "ok");
    return 0;
}
