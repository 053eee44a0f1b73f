// Tries: pivot_root(2) (nonexistent targets keep it harmless); must end as SV pivot_root.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    if (syscall(SYS_pivot_root, "/nonexistent-solve-a", "/nonexistent-solve-b") != 0) return 3;
    puts("ESCAPED");
    return 0;
}
