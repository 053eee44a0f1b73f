// Tries: 100000 pthread_create calls with default attributes (threads sleep forever); failures must occur -> exit 4.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *sleeper(void *arg) {
    (void)arg;
    for (;;) pause();
    return NULL;
}
int main(void) {
    long failed = 0;
    for (long i = 0; i < 100000; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, sleeper, NULL) != 0) failed++;
    }
    if (failed) return 4;
    puts("ESCAPED");
    return 0;
}
