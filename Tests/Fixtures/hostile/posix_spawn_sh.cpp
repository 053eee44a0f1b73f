// Tries: posix_spawn("/bin/sh") (glibc: clone3 -> ENOSYS -> clone(CLONE_VM|CLONE_VFORK)); must end as SV clone.
#include <cstdio>
#include <spawn.h>
#include <sys/wait.h>
extern char **environ;
int main() {
    pid_t pid;
    char *argv[] = {(char *)"sh", (char *)"-c", (char *)"echo ESCAPED", nullptr};
    if (posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv, environ) != 0) return 3;
    int st;
    waitpid(pid, &st, 0);
    std::puts("ESCAPED");
    return 0;
}
