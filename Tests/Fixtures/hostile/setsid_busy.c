// Tries: leave the judge's process group/session with setsid() (and setpgid), then spin forever; must still be TLE with nothing left running.
#include <unistd.h>
static volatile unsigned long spin;
int main(void) {
    setsid();
    setpgid(0, 0);
    for (;;) spin++;
}
