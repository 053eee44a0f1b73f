// Tries: naive contestant code: malloc + touch 1 MiB blocks forever without checking for NULL; exhausting memory must be MLE.
#include <stdlib.h>
#include <string.h>
static char *volatile keep;
int main(void) {
    for (;;) {
        char *p = malloc(1 << 20);
        memset(p, 1, 1 << 20); /* NULL -> SIGSEGV once memory runs out */
        keep = p;
    }
}
