// Tries: personality(2) query (e.g. to disable ASLR with ADDR_NO_RANDOMIZE); must end as SV personality.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    if (syscall(SYS_personality, 0xffffffffUL) < 0) return 3;
    puts("ESCAPED");
    return 0;
}
