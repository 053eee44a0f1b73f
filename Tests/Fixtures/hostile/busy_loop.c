// Tries: spin forever on the CPU; must be TLE.
static volatile unsigned long spin;
int main(void) {
    for (;;) spin++;
}
