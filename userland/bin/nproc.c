/*
 * nproc: print the number of processing units available to this process, as coreutils'
 * nproc: the CPUs in its affinity mask (sched_getaffinity). --all prints the CPUs of the
 * machine instead (counted from /proc/stat's "cpuN" lines); --ignore=N subtracts N,
 * never going below 1.
 */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The CPUs of the machine: the "cpuN" lines of /proc/stat (1 if it cannot be read). */
static int all_cpus(void) {
    FILE *f = fopen("/proc/stat", "r");
    if (f == NULL) return 1;
    char line[256];
    int n = 0;
    while (fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, "cpu", 3) == 0 && line[3] >= '0' && line[3] <= '9') n++;
    fclose(f);
    return n > 0 ? n : 1;
}

int main(int argc, char **argv) {
    int all = 0;
    long ignore = 0;
    for (int i = 1; i < argc; i++) {
        char *end;
        if (strcmp(argv[i], "--all") == 0) {
            all = 1;
        } else if (strncmp(argv[i], "--ignore=", 9) == 0) {
            ignore = strtol(argv[i] + 9, &end, 10);
            if (argv[i][9] == 0 || *end != 0 || ignore < 0) {
                fprintf(stderr, "%s: invalid number: '%s'\n", argv[0], argv[i] + 9);
                return 1;
            }
        } else {
            if (argv[i][0] == '-' && argv[i][1] != '-') fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], argv[i][1]);
            else if (argv[i][0] == '-') fprintf(stderr, "%s: unrecognized option '%s'\n", argv[0], argv[i]);
            else fprintf(stderr, "%s: extra operand '%s'\n", argv[0], argv[i]);
            fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
            return 1;
        }
    }
    long n = all_cpus();
    if (!all) {
        cpu_set_t set;
        if (sched_getaffinity(0, sizeof set, &set) == 0) n = CPU_COUNT(&set);
    }
    n = n > ignore ? n - ignore : 1;
    printf("%ld\n", n);
    return 0;
}
