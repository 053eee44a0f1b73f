// Tries: #include "/dev/random" so the compiler reads an endless device; the compile must fail quickly -> CE.
#include "/dev/random"
int main() { return 0; }
