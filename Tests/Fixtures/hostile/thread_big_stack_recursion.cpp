// Tries: nothing hostile: the common CP idiom of running deep recursion (1,000,000 x 48-byte frames) in a pthread with an explicit 128 MiB stack; must be AC.
#include <cstdio>
#include <pthread.h>
static volatile long long sink;
__attribute__((noinline)) static long long depth(long long n) {
    if (n == 0) return 0;
    volatile long long local[3] = {n * 3, n, -n};
    long long r = depth(n - 1);
    sink = r;
    return r + local[0] % 7 + local[1] + local[2];
}
static void *run(void *out) {
    *(long long *)out = depth(1000000);
    return nullptr;
}
int main() {
    long long expect = 0, got = -1;
    for (long long i = 1; i <= 1000000; i++) expect += (i * 3) % 7;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, size_t(128) << 20);
    pthread_t t;
    if (pthread_create(&t, &attr, run, &got) != 0) return 4;
    pthread_join(t, nullptr);
    std::puts(got == expect ? "ok" : "bad");
    return 0;
}
