// Tries: PTRACE_ATTACH to its parent (pid 1 if the parent is outside its pid namespace); must end as SV ptrace.
#include <cstdio>
#include <sys/ptrace.h>
#include <unistd.h>
int main() {
    pid_t target = getppid();
    if (target <= 0) target = 1;
    if (ptrace(PTRACE_ATTACH, target, nullptr, nullptr) != 0) return 3;
    ptrace(PTRACE_DETACH, target, nullptr, nullptr);
    std::puts("ESCAPED");
    return 0;
}
