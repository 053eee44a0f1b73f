// Tries: mount a tmpfs (on a nonexistent target, so it is harmless if it got through); must end as SV mount.
#include <stdio.h>
#include <sys/mount.h>
int main(void) {
    if (mount("none", "/nonexistent-solve-hostile", "tmpfs", 0, "") != 0) return 3;
    puts("ESCAPED");
    return 0;
}
