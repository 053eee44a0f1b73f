// Tries: read /proc/self/environ, then /proc/1/environ, and print it; /proc is not readable -> exit 3.
#include <stdio.h>
int main(void) {
    const char *paths[] = {"/proc/self/environ", "/proc/1/environ"};
    char buf[4096];
    for (int i = 0; i < 2; i++) {
        FILE *f = fopen(paths[i], "r");
        if (!f) continue;
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0) fwrite(buf, 1, n, stdout);
        puts("\nESCAPED");
        return 0;
    }
    return 3;
}
