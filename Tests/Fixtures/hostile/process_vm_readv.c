// Tries: process_vm_readv(2) on its parent (pid 1 if the parent is outside its pid namespace); must end as SV process_vm_readv.
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>
int main(void) {
    char buf[64];
    pid_t target = getppid();
    if (target <= 0) target = 1;
    struct iovec local = {buf, sizeof buf};
    struct iovec remote = {(void *)0x400000, sizeof buf};
    if (process_vm_readv(target, &local, 1, &remote, 1, 0) < 0) return 3;
    puts("ESCAPED");
    return 0;
}
