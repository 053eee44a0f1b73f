// Tries: make the compiler instantiate 2^(DEPTH+1) distinct class templates (2^41 by default); the compile time/memory limit must stop it -> CE.
#ifndef DEPTH
#define DEPTH 40
#endif
template <int D, unsigned long long K>
struct Boom {
    static constexpr unsigned long long value = Boom<D - 1, K * 2>::value + Boom<D - 1, K * 2 + 1>::value;
};
template <unsigned long long K>
struct Boom<0, K> {
    static constexpr unsigned long long value = K;
};
int main() { return Boom<DEPTH, 1>::value == 0; }
