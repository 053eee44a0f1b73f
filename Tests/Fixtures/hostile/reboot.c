// Tries: reboot(2) with invalid magic numbers (harmless even if it got through); must end as SV reboot.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    if (syscall(SYS_reboot, 0, 0, 0, (void *)0) < 0) return 3;
    puts("ESCAPED");
    return 0;
}
