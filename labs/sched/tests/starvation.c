/*
 * starvation: a task of nice 19 (weight 15) beside two of nice 0 (1024 each) gets little
 * of the CPU, about 0.7%, but it gets it: it runs in each of two windows of 20 ms.
 * Builds with gcc too (see shares.h).
 */
#include "shares.h"

static const struct task tasks[] = {
    {"A", 0, {0, 0}, FROM_START, 0, 0},
    {"B", 0, {0, 0}, FROM_START, 0, 0},
    {"C", 0, {19, 19}, FROM_START, 0, 1},
};

int main(int argc, char **argv)
{
    return run_windows(tasks, 3, 2, 20, argc, argv);
}
