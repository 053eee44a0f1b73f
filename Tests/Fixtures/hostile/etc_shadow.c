// Tries: read /etc/shadow and print it; open must fail -> exit 3.
#include <stdio.h>
int main(void) {
    char buf[4096];
    FILE *f = fopen("/etc/shadow", "r");
    if (!f) return 3;
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
    puts("ESCAPED");
    return 0;
}
