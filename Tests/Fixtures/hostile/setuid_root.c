// Tries: setuid(0) to become root; must end as SV setuid.
#include <stdio.h>
#include <unistd.h>
int main(void) {
    if (setuid(0) != 0) return 3;
    puts("ESCAPED");
    return 0;
}
