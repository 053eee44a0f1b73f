// Tries: read the problem's own .ans file (path on stdin) and print it; open must fail -> exit 3.
#include <fstream>
#include <iostream>
#include <string>
int main() {
    std::string path;
    if (!std::getline(std::cin, path)) return 2;
    std::ifstream f(path);
    if (!f) return 3;
    std::cout << f.rdbuf();
    return 0;
}
