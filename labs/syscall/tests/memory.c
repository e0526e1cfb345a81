/*
 * sysinfo's memory figures are /proc/meminfo's, in units of mem_unit bytes: totalram is
 * MemTotal, freeram MemFree, sharedram Shmem, bufferram Buffers, totalswap and freeswap
 * SwapTotal and SwapFree (both read from the same counters, as Linux's si_meminfo serves
 * both). /proc/meminfo is read just before and just after the call, and each figure must
 * lie between the two readings. The file is opened once and read again from its start
 * each time: opening it makes an open file description, whose kernel memory could itself
 * move MemFree by a page between the readings and the call. Then the program writes to 4 MiB of MAP_SHARED memory,
 * which is shared memory (Shmem), and checks that sysinfo saw it (give or take a quarter
 * of a MiB, for the other programs of a Linux machine).
 * Each check prints "ok: ..." or "FAIL: ..." and its figures.
 *
 * Linux is the reference: gcc memory.c && ./a.out prints the same bytes (on a machine
 * whose other programs do not allocate or free megabytes meanwhile).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#define MIB (1024L * 1024)
#define SHARED (4 * MIB)

enum { TOTAL, FREE, SHMEM, BUFFERS, SWAP_TOTAL, SWAP_FREE, FIGURES };
static const char *names[FIGURES] = {"MemTotal", "MemFree", "Shmem", "Buffers", "SwapTotal", "SwapFree"};
static const char *fields[FIGURES] = {"totalram", "freeram", "sharedram", "bufferram", "totalswap", "freeswap"};

static int meminfo_fd = -1;

/* The figures of /proc/meminfo, in bytes. */
static void read_meminfo(long bytes[FIGURES]) {
    static char text[8192];
    if (meminfo_fd < 0) meminfo_fd = open("/proc/meminfo", O_RDONLY);
    long n = meminfo_fd < 0 || lseek(meminfo_fd, 0, SEEK_SET) != 0 ? -1 : read(meminfo_fd, text, sizeof text - 1);
    text[n > 0 ? n : 0] = 0;
    for (int i = 0; i < FIGURES; i++) {
        bytes[i] = -1;
        size_t len = strlen(names[i]);
        for (char *line = text; *line; line = strchr(line, '\n') + 1) {
            if (strncmp(line, names[i], len) == 0 && line[len] == ':') bytes[i] = atol(line + len + 1) * 1024;
            if (strchr(line, '\n') == NULL) break;
        }
    }
}

/* sysinfo's figures, in the order of names[], in bytes. */
static int read_sysinfo(long bytes[FIGURES]) {
    struct sysinfo si;
    if (sysinfo(&si) != 0) {
        perror("FAIL: sysinfo");
        return -1;
    }
    unsigned long values[FIGURES] = {si.totalram, si.freeram, si.sharedram, si.bufferram, si.totalswap, si.freeswap};
    for (int i = 0; i < FIGURES; i++) bytes[i] = (long) (values[i] * si.mem_unit);
    return 0;
}

static void compare(const char *when) {
    long before[FIGURES], now[FIGURES], after[FIGURES];
    read_meminfo(before);
    if (read_sysinfo(now) != 0) exit(1);
    read_meminfo(after);
    for (int i = 0; i < FIGURES; i++) {
        long low = before[i] < after[i] ? before[i] : after[i];
        long high = before[i] < after[i] ? after[i] : before[i];
        if (now[i] >= low && now[i] <= high) printf("ok: %s: %s is %s\n", when, fields[i], names[i]);
        else printf("FAIL: %s: %s is %ld bytes, /proc/meminfo's %s %ld..%ld\n", when, fields[i], now[i], names[i], low, high);
    }
}

int main(void) {
    compare("at start");
    long start[FIGURES], written[FIGURES];
    if (read_sysinfo(start) != 0) return 1;
    char *shared = mmap(NULL, SHARED, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED) {
        perror("FAIL: mmap");
        return 1;
    }
    for (long i = 0; i < SHARED; i += 4096) shared[i] = 1;
    if (read_sysinfo(written) != 0) return 1;
    long grew = written[SHMEM] - start[SHMEM];
    if (grew > SHARED - MIB / 4 && grew < SHARED + MIB / 4) printf("ok: 4 MiB written to MAP_SHARED memory are in sharedram\n");
    else printf("FAIL: sharedram grew by %ld bytes after writing 4 MiB of MAP_SHARED memory\n", grew);
    compare("with 4 MiB shared");
    munmap(shared, SHARED);
    return 0;
}
