// Interactor for "Guess the Number" (Kattis interactive convention):
//   validate INPUT ANSWER FEEDBACK_DIR  — stdin is the submission's stdout,
//   stdout goes to the submission's stdin. Exit 42 = accepted, 43 = wrong answer.
// INPUT holds "N X": the secret X lies in [1, N]. The submission prints
// "? g" and reads "<", ">" or "=", with at most 30 guesses.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

static std::string feedback_dir;

[[noreturn]] static void verdict(int code, const std::string &msg) {
    std::ofstream(feedback_dir + "/judgemessage.txt") << msg << "\n";
    std::exit(code);
}

int main(int argc, char **argv) {
    if (argc < 4) return 1;
    feedback_dir = argv[3];
    std::signal(SIGPIPE, SIG_IGN);  // the submission may exit before reading our reply
    long long n, x;
    std::ifstream in(argv[1]);
    if (!(in >> n >> x)) return 1;
    std::cout << n << std::endl;
    for (int guesses = 1; guesses <= 30; ++guesses) {
        std::string q;
        long long g;
        if (!(std::cin >> q >> g) || q != "?") verdict(43, "expected a query \"? g\"");
        if (g < 1 || g > n) verdict(43, "guess out of range");
        if (g == x) {
            std::cout << "=" << std::endl;
            verdict(42, "found in " + std::to_string(guesses) + " guesses");
        }
        std::cout << (x < g ? "<" : ">") << std::endl;
    }
    verdict(43, "too many guesses");
}
