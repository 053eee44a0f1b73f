// Tries: classic fork bomb (glibc fork() -> clone without CLONE_THREAD); must end as SV clone.
#include <unistd.h>
int main(void) {
    for (;;) fork();
}
