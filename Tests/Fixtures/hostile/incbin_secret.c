// Tries: embed the root-only secret into the binary at assembly time (.incbin "@SECRET_FILE@") and print it at run time; the assembler must be unable to read it -> CE.
#include <stdio.h>
__asm__(".section .rodata\n"
        ".globl secret_blob\n"
        "secret_blob:\n"
        ".incbin \"@SECRET_FILE@\"\n"
        ".byte 0\n"
        ".text\n");
extern const char secret_blob[];
int main(void) {
    printf("%s\nESCAPED\n", secret_blob);
    return 0;
}
