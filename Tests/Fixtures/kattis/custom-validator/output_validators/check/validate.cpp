// Output validator for "Split the Number" (Kattis convention):
//   validate INPUT ANSWER FEEDBACK_DIR < contestant_output
// Exit 42 = accepted, 43 = wrong answer; the reason goes to
// FEEDBACK_DIR/judgemessage.txt. Any valid pair is accepted; ANSWER is unused.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

static std::string feedback_dir;

[[noreturn]] static void verdict(int code, const std::string &msg) {
    std::ofstream(feedback_dir + "/judgemessage.txt") << msg << "\n";
    std::exit(code);
}

// Parses a canonical positive decimal integer of at most 10 digits.
static bool parse_int(const std::string &s, long long &out) {
    if (s.empty() || s.size() > 10 || s[0] == '0') return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: validate INPUT ANSWER FEEDBACK_DIR < output\n");
        return 1;
    }
    feedback_dir = argv[3];
    long long n;
    {
        std::ifstream in(argv[1]);
        if (!(in >> n)) {
            std::fprintf(stderr, "cannot read N from input file\n");
            return 1;
        }
    }
    std::vector<std::string> tokens;
    std::string tok;
    while (tokens.size() < 3 && (std::cin >> tok)) tokens.push_back(tok);
    if (tokens.size() < 2) verdict(43, "expected two integers, got " + std::to_string(tokens.size()) + " token(s)");
    if (tokens.size() > 2) verdict(43, "extra output after the two integers");
    long long a, b;
    if (!parse_int(tokens[0], a)) verdict(43, "first token is not a positive integer");
    if (!parse_int(tokens[1], b)) verdict(43, "second token is not a positive integer");
    if (a + b != n) verdict(43, std::to_string(a) + " + " + std::to_string(b) + " != " + std::to_string(n));
    verdict(42, "ok");
}
