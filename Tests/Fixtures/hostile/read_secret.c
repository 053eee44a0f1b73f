// Tries: read the root-only secret file whose path is on stdin and print it; open must fail -> exit 3.
#include <stdio.h>
#include <string.h>
int main(void) {
    char path[4096], buf[4096];
    if (!fgets(path, sizeof path, stdin)) return 2;
    path[strcspn(path, "\r\n")] = 0;
    FILE *f = fopen(path, "r");
    if (!f) return 3;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
    puts("ESCAPED");
    return 0;
}
