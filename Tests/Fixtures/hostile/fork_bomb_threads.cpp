// Tries: fork bomb from several std::threads at once (falls back to the main thread if threads cannot start); must end as SV clone.
#include <thread>
#include <unistd.h>
#include <vector>
static void bomb() {
    for (;;) fork();
}
int main() {
    std::vector<std::thread> ts;
    for (int i = 0; i < 4; i++) {
        try {
            ts.emplace_back(bomb);
        } catch (...) {
            break;
        }
    }
    bomb();
}
