// Tries: execve("/bin/sh") to replace itself with a shell; must end as SV execve.
#include <unistd.h>
int main(void) {
    char *argv[] = {"sh", "-c", "echo ESCAPED", 0};
    char *envp[] = {0};
    execve("/bin/sh", argv, envp);
    return 3;
}
