// Tries: #include the root-only secret file so its text shows up in compiler errors; the compile must fail -> CE, and the log must not hold the secret.
#include "@SECRET_FILE@"
int main() { return 0; }
