// Tries: the legacy fork(2) syscall directly (SYS_fork, bypassing glibc's clone); must end as SV fork.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    long r = syscall(SYS_fork);
    if (r == 0) _exit(0);
    if (r < 0) return 3;
    puts("ESCAPED");
    return 0;
}
