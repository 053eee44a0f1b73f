// Tries: unshare(CLONE_NEWUSER|CLONE_NEWNS) to get private namespaces; must end as SV unshare.
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
int main(void) {
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return 3;
    puts("ESCAPED");
    return 0;
}
