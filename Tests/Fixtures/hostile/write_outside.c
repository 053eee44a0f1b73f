// Tries: create and write the file at the absolute path read from stdin (outside the work dir); open must fail -> exit 3.
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    char path[4096];
    if (!fgets(path, sizeof path, stdin)) return 2;
    path[strcspn(path, "\r\n")] = 0;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) return 3;
    write(fd, "ESCAPED\n", 8);
    close(fd);
    puts("ESCAPED");
    return 0;
}
