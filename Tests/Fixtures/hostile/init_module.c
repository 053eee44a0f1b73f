// Tries: init_module(2) with an empty image (harmless even if it got through); must end as SV init_module.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    if (syscall(SYS_init_module, (void *)0, 0UL, "") < 0) return 3;
    puts("ESCAPED");
    return 0;
}
