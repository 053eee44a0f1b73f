// Tries: std::system("echo ESCAPED") to run a shell command; must end as SV clone.
#include <cstdio>
#include <cstdlib>
int main() {
    int r = std::system("echo ESCAPED");
    if (r != 0) return 3;
    std::puts("ESCAPED");
    return 0;
}
