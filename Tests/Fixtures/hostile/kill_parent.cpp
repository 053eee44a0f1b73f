// Tries: kill(getppid(), SIGKILL) (pid 1 if the parent is outside its pid namespace) to kill the judge; must end as SV kill.
#include <csignal>
#include <cstdio>
#include <unistd.h>
int main() {
    pid_t target = getppid();
    if (target <= 0) target = 1; // never kill(0, ...): that is the allowed self-signal case
    if (kill(target, SIGKILL) != 0) return 3;
    std::puts("ESCAPED");
    return 0;
}
