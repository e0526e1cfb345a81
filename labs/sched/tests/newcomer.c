/*
 * newcomer: a task that joins late gets its share from the start, no more. A task of nice 0
 * has the CPU to itself for a window; then a new task of nice 5 is forked, and in the second
 * window they share the CPU 75% to 25%: the newcomer is not owed the time the other task ran
 * alone. Builds with gcc too (see shares.h).
 */
#include "shares.h"

static const struct task tasks[] = {
    {"A", 0, {0, 0}, FROM_START, 0, 0},
    {"newcomer", 0, {5, 5}, FORKED, 1, 0},
};

int main(int argc, char **argv)
{
    return run_windows(tasks, 2, 2, 15, argc, argv);
}
