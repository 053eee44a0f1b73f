// Tries: raw clone3(2) to make a child process; the sandbox answers ENOSYS, so the program exits 3 (exit 5 on any other error).
#include <errno.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    struct clone_args args;
    memset(&args, 0, sizeof args);
    args.exit_signal = SIGCHLD;
    long r = syscall(SYS_clone3, &args, sizeof args);
    if (r == 0) _exit(0);
    if (r < 0) return errno == ENOSYS ? 3 : 5;
    puts("ESCAPED");
    return 0;
}
