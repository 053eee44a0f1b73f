// Tries: print "ok", then end only the main thread (pthread_exit) while another thread spins forever; the process never ends -> TLE.
#include <pthread.h>
#include <stdio.h>
static volatile unsigned long spin;
static void *spinner(void *arg) {
    (void)arg;
    for (;;) spin++;
    return NULL;
}
int main(void) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1 << 16);
    pthread_t t;
    if (pthread_create(&t, &attr, spinner, NULL) != 0) spinner(NULL);
    puts("ok");
    fflush(stdout);
    pthread_exit(NULL);
}
