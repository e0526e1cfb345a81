/*
 * struct sysinfo is Linux's x86-64 layout, byte for byte, and sysinfo(2) works: the size and
 * the offset of every field, then one call, its result and mem_unit (1 on a 64-bit kernel,
 * which reports memory in bytes whenever the total fits). The fields a program reads at
 * fixed offsets are what makes a binary built against glibc's header work.
 *
 * Linux is the reference: gcc layout.c && ./a.out prints the same bytes.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysinfo.h>

#define FIELD(f) printf("offsetof(" #f ") = %d\n", (int) offsetof(struct sysinfo, f))

int main(void) {
    printf("sizeof(struct sysinfo) = %d\n", (int) sizeof(struct sysinfo));
    FIELD(uptime);
    FIELD(loads);
    FIELD(totalram);
    FIELD(freeram);
    FIELD(sharedram);
    FIELD(bufferram);
    FIELD(totalswap);
    FIELD(freeswap);
    FIELD(procs);
    FIELD(pad);
    FIELD(totalhigh);
    FIELD(freehigh);
    FIELD(mem_unit);
    printf("sizeof(loads[0]) = %d, sizeof(procs) = %d, sizeof(mem_unit) = %d\n",
           (int) sizeof(((struct sysinfo *) 0)->loads[0]), (int) sizeof(((struct sysinfo *) 0)->procs),
           (int) sizeof(((struct sysinfo *) 0)->mem_unit));

    struct sysinfo si;
    memset(&si, 0xa5, sizeof si);
    errno = 0;
    int r = sysinfo(&si);
    printf("sysinfo(&si) = %d (%s)\n", r, r == 0 ? "ok" : strerror(errno));
    printf("mem_unit = %u\n", si.mem_unit);
    printf("totalhigh = %lu, freehigh = %lu\n", si.totalhigh, si.freehigh);
    printf("totalram %s 0\n", si.totalram > 0 ? ">" : "=");
    printf("procs %s 0\n", si.procs > 0 ? ">" : "=");
    return 0;
}
