// Tries: ptrace(PTRACE_TRACEME) to put itself under its parent's control; must end as SV ptrace.
#include <stdio.h>
#include <sys/ptrace.h>
int main(void) {
    if (ptrace(PTRACE_TRACEME, 0, 0, 0) != 0) return 3;
    puts("ESCAPED");
    return 0;
}
