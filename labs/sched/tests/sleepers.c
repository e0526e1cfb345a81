/*
 * sleepers: a task that slept is treated fairly when it wakes. Two tasks of nice 5 share
 * the CPU while a task of nice 0 sleeps through the first window; in the second it has its
 * share, 60%, no more (a sleep earns no credit, so it does not take the CPU for a long
 * burst) and no less. Builds with gcc too (see shares.h).
 */
#include "shares.h"

static const struct task tasks[] = {
    {"A", 0, {5, 5}, FROM_START, 0, 0},
    {"B", 0, {5, 5}, FROM_START, 0, 0},
    {"sleeper", 0, {0, 0}, SLEEPS, 1, 0},
};

int main(int argc, char **argv)
{
    return run_windows(tasks, 3, 2, 15, argc, argv);
}
