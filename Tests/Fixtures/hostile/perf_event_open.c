// Tries: perf_event_open(2) (NULL attr, harmless if it got through); must end as SV perf_event_open.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    if (syscall(SYS_perf_event_open, (void *)0, 0, -1, -1, 0) < 0) return 3;
    puts("ESCAPED");
    return 0;
}
