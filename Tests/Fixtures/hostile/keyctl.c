// Tries: keyctl(KEYCTL_GET_KEYRING_ID) on the session keyring (kernel key store); must end as SV keyctl.
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(void) {
    long r = syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3 /* KEY_SPEC_SESSION_KEYRING */, 0);
    if (r < 0) return 3;
    puts("ESCAPED");
    return 0;
}
