// Tries: kill(-1, SIGKILL) to kill every process it may signal; must end as SV kill and the sentinel must survive.
#include <signal.h>
#include <stdio.h>
int main(void) {
    if (kill(-1, SIGKILL) != 0) return 3;
    puts("ESCAPED");
    return 0;
}
