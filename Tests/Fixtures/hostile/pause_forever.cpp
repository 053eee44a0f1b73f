// Tries: block in pause() forever using no CPU; the wall-clock cap must end it -> TLE.
#include <cstdio>
#include <unistd.h>
int main() {
    pause();
    std::puts("ok");
    return 0;
}
