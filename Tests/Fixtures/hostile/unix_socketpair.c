// Tries: socketpair(AF_UNIX) for local IPC; must end as SV socketpair.
#include <stdio.h>
#include <sys/socket.h>
int main(void) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 3;
    puts("ESCAPED");
    return 0;
}
