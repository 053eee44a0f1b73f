// Tries: mkdir at the absolute path read from stdin (under /tmp, outside the work dir); mkdir must fail -> exit 3.
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
int main(void) {
    char path[4096];
    if (!fgets(path, sizeof path, stdin)) return 2;
    path[strcspn(path, "\r\n")] = 0;
    if (mkdir(path, 0755) != 0) return 3;
    puts("ESCAPED");
    return 0;
}
