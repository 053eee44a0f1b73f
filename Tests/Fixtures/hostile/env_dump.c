// Tries: print the whole environment plus getenv(<marker name from stdin>); output is not "ok" -> WA, and it must not hold the judge's marker value.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
extern char **environ;
int main(void) {
    char name[256] = "";
    if (fgets(name, sizeof name, stdin)) name[strcspn(name, "\r\n")] = 0;
    for (char **e = environ; e && *e; e++) puts(*e);
    const char *v = name[0] ? getenv(name) : NULL;
    printf("MARKER=%s\nEND_OF_ENV\n", v ? v : "(unset)");
    return 0;
}
