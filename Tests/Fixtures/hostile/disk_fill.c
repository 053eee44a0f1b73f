// Tries: fill the disk by writing ./fill.bin (then an O_TMPFILE in .) forever; both opens must fail -> exit 3.
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
static char buf[1 << 20];
int main(void) {
    memset(buf, 'x', sizeof buf);
    int fd = open("fill.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) fd = open(".", O_TMPFILE | O_WRONLY, 0600);
    if (fd < 0) return 3;
    for (;;) write(fd, buf, sizeof buf);
}
