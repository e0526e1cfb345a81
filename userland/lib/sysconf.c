/*
 * sysconf.c: unistd.h's sysconf, the limits and options of the system, with the values
 * glibc gives on Linux x86-64. A limit that is the caller's resource limit is read from it
 * (getrlimit), the memory from /proc/meminfo, the CPUs from /proc/stat; the rest are constants:
 * the ones POSIX options report (200809, POSIX.1-2008), and glibc's fixed limits.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>

/* What a supported POSIX option reports: the version of POSIX.1 it conforms to. */
#define POSIX_2008 200809L

/* The soft limit of resource, or -1 (no limit) if it is infinite or cannot be read. */
static long soft_limit(int resource)
{
    struct rlimit r;
    if (getrlimit(resource, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return -1;
    return (long)r.rlim_cur;
}

/* The CPUs of the machine: the "cpuN" lines of /proc/stat, as glibc's fallback counts them (1 if unreadable). */
static long processors(void)
{
    FILE *f = fopen("/proc/stat", "r");
    if (f == NULL) return 1;
    char line[256];
    long n = 0;
    while (fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, "cpu", 3) == 0 && line[3] >= '0' && line[3] <= '9') n++;
    fclose(f);
    return n > 0 ? n : 1;
}

/*
 * RAM pages in all (MemTotal) or free (MemFree), from /proc/meminfo: the figures glibc's
 * get_phys_pages and get_avphys_pages take from sysinfo, which reports the same ones. -1 if
 * the file cannot be read.
 */
static long memory_pages(const char *field)
{
    FILE *f = fopen("/proc/meminfo", "r");
    if (f == NULL) return -1;
    char line[128];
    long pages = -1;
    size_t n = strlen(field);
    while (fgets(line, sizeof line, f) != NULL) {
        unsigned long kb;
        if (strncmp(line, field, n) == 0 && line[n] == ':' && sscanf(line + n + 1, "%lu", &kb) == 1) {
            pages = (long)(kb / 4);
            break;
        }
    }
    fclose(f);
    return pages;
}

long sysconf(int name)
{
    switch (name) {
    case _SC_ARG_MAX: {
        /* A quarter of the stack limit (execve's room for arguments), at least the legacy ARG_MAX. */
        struct rlimit r;
        if (getrlimit(RLIMIT_STACK, &r) != 0) return ARG_MAX;
        unsigned long quarter = r.rlim_cur / 4;
        return quarter > ARG_MAX ? (long)quarter : ARG_MAX;
    }
    case _SC_CHILD_MAX: return soft_limit(RLIMIT_NPROC);
    case _SC_OPEN_MAX: {
        /* glibc's getdtablesize: the soft limit as an int (an infinite one wraps to -1). */
        struct rlimit r;
        return getrlimit(RLIMIT_NOFILE, &r) != 0 ? 256 : (long)(int)r.rlim_cur;
    }
    case _SC_SIGQUEUE_MAX: return soft_limit(RLIMIT_SIGPENDING);
    case _SC_CLK_TCK: return 100; /* USER_HZ, the unit of times() */
    case _SC_NGROUPS_MAX: return 65536;
    case _SC_STREAM_MAX: return 16; /* FOPEN_MAX */
    case _SC_PAGESIZE: return 4096;
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN: return processors();
    case _SC_PHYS_PAGES: return memory_pages("MemTotal");
    case _SC_AVPHYS_PAGES: return memory_pages("MemFree");
    case _SC_JOB_CONTROL:
    case _SC_SAVED_IDS: return 1;
    case _SC_VERSION:
    case _SC_REALTIME_SIGNALS:
    case _SC_PRIORITY_SCHEDULING:
    case _SC_TIMERS:
    case _SC_ASYNCHRONOUS_IO:
    case _SC_FSYNC:
    case _SC_MAPPED_FILES:
    case _SC_MEMORY_PROTECTION:
    case _SC_SEMAPHORES:
    case _SC_SHARED_MEMORY_OBJECTS:
    case _SC_THREADS:
    case _SC_THREAD_SAFE_FUNCTIONS:
    case _SC_THREAD_PRIORITY_SCHEDULING:
    case _SC_BARRIERS:
    case _SC_CLOCK_SELECTION:
    case _SC_CPUTIME:
    case _SC_THREAD_CPUTIME:
    case _SC_MONOTONIC_CLOCK:
    case _SC_READER_WRITER_LOCKS:
    case _SC_SPIN_LOCKS:
    case _SC_SPAWN:
    case _SC_TIMEOUTS: return POSIX_2008;
    case _SC_RTSIG_MAX: return 32; /* RTSIG_MAX: SIGRTMIN..SIGRTMAX and the two the thread library keeps */
    case _SC_DELAYTIMER_MAX:
    case _SC_SEM_VALUE_MAX:
    case _SC_ATEXIT_MAX: return INT_MAX;
    case _SC_MQ_PRIO_MAX: return 32768;
    case _SC_LINE_MAX: return 2048;
    case _SC_IOV_MAX: return 1024; /* UIO_MAXIOV */
    case _SC_GETGR_R_SIZE_MAX:
    case _SC_GETPW_R_SIZE_MAX: return 1024;
    case _SC_LOGIN_NAME_MAX: return 256;
    case _SC_TTY_NAME_MAX: return 32;
    case _SC_HOST_NAME_MAX: return 64;
    case _SC_THREAD_DESTRUCTOR_ITERATIONS: return 4;
    case _SC_THREAD_KEYS_MAX: return 1024;
    case _SC_THREAD_STACK_MIN: return 16384;
    case _SC_NZERO: return 20;
    case _SC_MINSIGSTKSZ: return MINSIGSTKSZ;
    case _SC_SIGSTKSZ: return SIGSTKSZ;
    /* No fixed limit: -1 with errno untouched. */
    case _SC_TZNAME_MAX:
    case _SC_SEM_NSEMS_MAX:
    case _SC_TIMER_MAX:
    case _SC_THREAD_THREADS_MAX:
    case _SC_SYMLOOP_MAX: return -1;
    default:
        errno = EINVAL;
        return -1;
    }
}
