// An honest program that opens /dev/stdin to read its input and writes its debugging to /dev/null, as real
// solutions do: it must be accepted.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
int main() {
    std::ifstream input("/dev/stdin");
    std::string word;
    if (!(input >> word)) return 4;
    FILE *debug = std::fopen("/dev/null", "w");
    if (debug == nullptr) return 5;
    std::fprintf(debug, "read %s\n", word.c_str());
    std::fclose(debug);
    std::cout << (word == "hello" ? "ok" : "wrong") << "\n";
}
