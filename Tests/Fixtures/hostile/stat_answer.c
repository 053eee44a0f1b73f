// Tries to learn the hidden answer without reading it: stat() of the problem's own .ans file (path on stdin) for
// its size (on a YES/NO problem, the answer), of its folder, and of the file behind fd 0 and its sibling .ans.
// Every attempt must fail: exit 3. Any success prints what it learned and exits 0 (judged WA, and the test says
// which path leaked).
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int leaked(const char *path) {
    struct stat info;
    if (stat(path, &info) != 0) return 0;
    printf("ESCAPED %s size %lld\n", path, (long long)info.st_size);
    return 1;
}

int main(void) {
    char answer[4096] = {0}, folder[4096], target[4096] = {0}, sibling[4200];
    if (fgets(answer, sizeof answer, stdin) == NULL) return 2;
    answer[strcspn(answer, "\n")] = 0;
    snprintf(folder, sizeof folder, "%s", answer);
    int escaped = leaked(answer) | leaked(dirname(folder));
    if (readlink("/proc/self/fd/0", target, sizeof target - 1) > 0) {
        printf("ESCAPED fd 0 is %s\n", target);
        char *dot = strrchr(target, '.');
        if (dot != NULL) *dot = 0;
        snprintf(sibling, sizeof sibling, "%s.ans", target);
        leaked(sibling);
        escaped = 1;
    }
    struct stat input;
    if (fstat(0, &input) == 0 && input.st_nlink > 1) {
        printf("ESCAPED fd 0 has %lu links\n", (unsigned long)input.st_nlink);
        escaped = 1;
    }
    return escaped ? 0 : 3;
}
