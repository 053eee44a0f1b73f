// Tries: sleep(10) using almost no CPU, then print ok; the wall-clock cap must end it -> TLE.
#include <stdio.h>
#include <unistd.h>
int main(void) {
    sleep(10);
    puts("ok");
    return 0;
}
