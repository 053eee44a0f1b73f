// Tries: write to stdout forever (default SIGXFSZ action); must be OLE.
#include <stdio.h>
#include <string.h>
static char line[1 << 16];
int main(void) {
    memset(line, 'x', sizeof line - 1);
    line[sizeof line - 2] = '\n';
    for (;;) fputs(line, stdout);
}
