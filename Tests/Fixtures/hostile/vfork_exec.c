// Tries: vfork() + execl("/bin/sh") to run a shell; must end as SV vfork (or clone).
#include <stdio.h>
#include <unistd.h>
int main(void) {
    pid_t p = vfork();
    if (p == 0) {
        execl("/bin/sh", "sh", "-c", "echo ESCAPED", (char *)0);
        _exit(127);
    }
    if (p < 0) return 3;
    puts("ESCAPED");
    return 0;
}
