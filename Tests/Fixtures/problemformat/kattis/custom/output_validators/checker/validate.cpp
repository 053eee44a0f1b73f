#include "validate.h"
int main(int argc, char **argv) { return 42; }
