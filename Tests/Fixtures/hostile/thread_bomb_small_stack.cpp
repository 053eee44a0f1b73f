// Tries: 100000 pthreads with 64 KiB stacks (so the thread cap, not the stack size, is what stops it); failures must occur -> exit 4.
#include <cstdio>
#include <pthread.h>
#include <unistd.h>
static void *sleeper(void *) {
    for (;;) pause();
}
int main() {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1 << 16);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    long failed = 0;
    for (long i = 0; i < 100000; i++) {
        pthread_t t;
        if (pthread_create(&t, &attr, sleeper, nullptr) != 0) failed++;
    }
    if (failed) return 4;
    std::puts("ESCAPED");
    return 0;
}
