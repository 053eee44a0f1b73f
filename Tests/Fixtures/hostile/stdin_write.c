// Tries: overwrite / truncate the judge's input through fd 0; both must fail -> exit 3.
#include <stdio.h>
#include <unistd.h>
int main(void) {
    int wrote = write(0, "HACKED\n", 7) > 0;
    int truncated = ftruncate(0, 0) == 0;
    if (!wrote && !truncated) return 3;
    puts("ESCAPED");
    return 0;
}
