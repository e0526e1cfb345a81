/*
 * sys/sysinfo.h: sysinfo(2), the machine's overall figures in one call, as glibc's on Linux
 * x86-64 (the structure is the kernel's, from linux/sysinfo.h). Memory sizes are counts of
 * mem_unit bytes; the loads are fixed point with SI_LOAD_SHIFT bits of fraction.
 */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#define SI_LOAD_SHIFT 16

// LAB syscall BEGIN: struct sysinfo, field for field and byte for byte as Linux's on x86-64
struct sysinfo {
    long uptime;             /* seconds since boot */
    unsigned long loads[3];  /* 1, 5 and 15 minute load averages, << SI_LOAD_SHIFT */
    unsigned long totalram;  /* main memory */
    unsigned long freeram;   /* memory nobody uses */
    unsigned long sharedram; /* shared memory (tmpfs files, MAP_SHARED) */
    unsigned long bufferram; /* block-device buffers */
    unsigned long totalswap; /* swap space */
    unsigned long freeswap;  /* swap space still free */
    unsigned short procs;    /* tasks (threads included) */
    unsigned short pad;      /* explicit padding; 4 more bytes align totalhigh */
    unsigned long totalhigh; /* high memory (none on a 64-bit machine) */
    unsigned long freehigh;  /* high memory still free */
    unsigned int mem_unit;   /* bytes in one unit of the memory sizes */
};
// LAB syscall STUB
// struct sysinfo;
// LAB syscall END

/* Fills *info; 0, or -1 and errno (EFAULT for a bad pointer). */
int sysinfo(struct sysinfo *info);

#endif
