/*
 * renice: a nice value changed while a task runs takes effect at once. Two tasks of nice 0
 * share the CPU equally; then the parent sets B to nice 5 (75% to 25%), then A to nice 10
 * (25% to 75%), with setpriority. Builds with gcc too (see shares.h).
 */
#include "shares.h"

static const struct task tasks[] = {
    {"A", 0, {0, 0, 10}, FROM_START, 0, 0},
    {"B", 0, {0, 5, 5}, FROM_START, 0, 0},
};

int main(int argc, char **argv)
{
    return run_windows(tasks, 2, 3, 10, argc, argv);
}
