// Tries: io_uring_setup(2) (io_uring bypasses seccomp for the operations it queues); must end as SV io_uring_setup.
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    unsigned char params[120]; /* struct io_uring_params */
    memset(params, 0, sizeof params);
    if (syscall(SYS_io_uring_setup, 4, params) < 0) return 3;
    puts("ESCAPED");
    return 0;
}
