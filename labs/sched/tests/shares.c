/*
 * shares: CPU-bound tasks share a CPU in proportion to the weights of their nice values.
 * Three tasks of nice 0, 2 and 5 share CPU 0 (about 51%, 33% and 17%), and two of nice 0
 * and 3 share the machine's last CPU (66% and 34%); on a one-CPU machine all five share
 * CPU 0. Builds with gcc too (see shares.h).
 */
#include "shares.h"

static const struct task tasks[] = {
    {"A", 0, {0}, FROM_START, 0, 0},
    {"B", 0, {2}, FROM_START, 0, 0},
    {"C", 0, {5}, FROM_START, 0, 0},
    {"D", LAST_CPU, {0}, FROM_START, 0, 0},
    {"E", LAST_CPU, {3}, FROM_START, 0, 0},
};

int main(int argc, char **argv)
{
    return run_windows(tasks, 5, 1, 30, argc, argv);
}
