// Tries: bpf(BPF_MAP_CREATE) (NULL attr, harmless if it got through); must end as SV bpf.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    if (syscall(SYS_bpf, 0 /* BPF_MAP_CREATE */, (void *)0, 0) < 0) return 3;
    puts("ESCAPED");
    return 0;
}
