// Tries: setns(2) to join another namespace (bad fd keeps it harmless); must end as SV setns.
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
int main(void) {
    if (setns(-1, 0) != 0) return 3;
    puts("ESCAPED");
    return 0;
}
