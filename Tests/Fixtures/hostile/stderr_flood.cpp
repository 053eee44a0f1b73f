// Tries: write to stderr forever (std::cerr, 64 KiB per write); must be OLE.
#include <iostream>
#include <string>
int main() {
    std::string s(1 << 16, 'e');
    s.back() = '\n';
    for (;;) std::cerr << s;
}
