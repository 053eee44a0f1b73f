// Tries: raise RLIMIT_AS / RLIMIT_DATA (to infinity, else soft = hard), then malloc + touch 600 MiB; must still be MLE.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
static char *volatile keep;
static void raise_limit(int which) {
    struct rlimit r = {RLIM_INFINITY, RLIM_INFINITY};
    if (setrlimit(which, &r) == 0) return;
    if (getrlimit(which, &r) == 0) {
        r.rlim_cur = r.rlim_max;
        setrlimit(which, &r);
    }
}
int main(void) {
    raise_limit(RLIMIT_AS);
    raise_limit(RLIMIT_DATA);
    for (int i = 0; i < 600; i++) {
        char *p = malloc(1 << 20);
        memset(p, 1, 1 << 20); /* NULL -> SIGSEGV once memory runs out */
        keep = p;
    }
    puts("ok");
    return 0;
}
