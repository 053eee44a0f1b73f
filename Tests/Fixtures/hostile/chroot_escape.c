// Tries: chroot(2) (classic chroot-escape first step; nonexistent target keeps it harmless); must end as SV chroot.
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <unistd.h>
int main(void) {
    if (chroot("/nonexistent-solve-hostile") != 0) return 3;
    puts("ESCAPED");
    return 0;
}
