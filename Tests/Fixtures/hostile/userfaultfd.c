// Tries: userfaultfd(2) (used to stall the kernel in race exploits); must end as SV userfaultfd.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    if (syscall(SYS_userfaultfd, 0) < 0) return 3;
    puts("ESCAPED");
    return 0;
}
