// Tries: UDP sendto 127.0.0.1:<port from stdin> (no connect needed); must end as SV socket.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
int main(void) {
    int port = 0;
    if (scanf("%d", &port) != 1) return 2;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) return 3;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (sendto(fd, "ESCAPED\n", 8, 0, (struct sockaddr *)&a, sizeof a) < 0) return 3;
    puts("ESCAPED");
    return 0;
}
