// Tries: lift RLIMIT_CPU (to infinity, else soft = hard), ignore SIGXCPU, then spin forever; must still be TLE.
#include <csignal>
#include <sys/resource.h>
static volatile unsigned long spin;
int main() {
    rlimit r{RLIM_INFINITY, RLIM_INFINITY};
    if (setrlimit(RLIMIT_CPU, &r) != 0 && getrlimit(RLIMIT_CPU, &r) == 0) {
        r.rlim_cur = r.rlim_max;
        setrlimit(RLIMIT_CPU, &r);
    }
    std::signal(SIGXCPU, SIG_IGN);
    for (;;) spin = spin + 1;
}
