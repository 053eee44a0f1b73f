// Tries: ignore SIGXFSZ, flood stdout until write fails, then exit 0 as if nothing happened; must still be OLE.
#include <signal.h>
#include <string.h>
#include <unistd.h>
static char buf[1 << 20];
int main(void) {
    signal(SIGXFSZ, SIG_IGN);
    memset(buf, 'y', sizeof buf);
    buf[sizeof buf - 1] = '\n';
    for (long total = 0; total < (1L << 34);) {
        ssize_t n = write(1, buf, sizeof buf);
        if (n <= 0) break;
        total += n;
    }
    return 0;
}
