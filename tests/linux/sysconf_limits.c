/* sysconf: the fixed answers glibc gives, the ones that follow the resource limits, the
   machine's CPUs and memory, and an unknown name. */
#include <errno.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#define SHOW(name) printf("%-32s %ld\n", #name, sysconf(name))

int main(void)
{
    SHOW(_SC_CLK_TCK);
    SHOW(_SC_PAGESIZE);
    SHOW(_SC_PAGE_SIZE);
    SHOW(_SC_NGROUPS_MAX);
    SHOW(_SC_STREAM_MAX);
    SHOW(_SC_TZNAME_MAX);
    SHOW(_SC_JOB_CONTROL);
    SHOW(_SC_SAVED_IDS);
    SHOW(_SC_VERSION);
    SHOW(_SC_REALTIME_SIGNALS);
    SHOW(_SC_TIMERS);
    SHOW(_SC_MONOTONIC_CLOCK);
    SHOW(_SC_CPUTIME);
    SHOW(_SC_THREAD_CPUTIME);
    SHOW(_SC_THREADS);
    SHOW(_SC_SEMAPHORES);
    SHOW(_SC_MAPPED_FILES);
    SHOW(_SC_FSYNC);
    SHOW(_SC_RTSIG_MAX);
    SHOW(_SC_DELAYTIMER_MAX);
    SHOW(_SC_SEM_VALUE_MAX);
    SHOW(_SC_SEM_NSEMS_MAX);
    SHOW(_SC_TIMER_MAX);
    SHOW(_SC_LINE_MAX);
    SHOW(_SC_IOV_MAX);
    SHOW(_SC_HOST_NAME_MAX);
    SHOW(_SC_LOGIN_NAME_MAX);
    SHOW(_SC_TTY_NAME_MAX);
    SHOW(_SC_GETPW_R_SIZE_MAX);
    SHOW(_SC_THREAD_KEYS_MAX);
    SHOW(_SC_THREAD_STACK_MIN);
    SHOW(_SC_THREAD_THREADS_MAX);
    SHOW(_SC_THREAD_DESTRUCTOR_ITERATIONS);
    SHOW(_SC_ATEXIT_MAX);
    SHOW(_SC_NZERO);
    SHOW(_SC_SYMLOOP_MAX);

    /* These follow the caller's resource limits. */
    struct rlimit r = {64, 64};
    setrlimit(RLIMIT_NOFILE, &r);
    r.rlim_cur = r.rlim_max = 100;
    setrlimit(RLIMIT_NPROC, &r);
    r.rlim_cur = r.rlim_max = 200;
    setrlimit(RLIMIT_SIGPENDING, &r);
    r.rlim_cur = 16 << 20;
    r.rlim_max = RLIM_INFINITY;
    setrlimit(RLIMIT_STACK, &r);
    SHOW(_SC_OPEN_MAX);
    SHOW(_SC_CHILD_MAX);
    SHOW(_SC_SIGQUEUE_MAX);
    SHOW(_SC_ARG_MAX);
    r.rlim_cur = 64 << 10;
    setrlimit(RLIMIT_STACK, &r);
    printf("_SC_ARG_MAX with a 64 KiB stack    %ld\n", sysconf(_SC_ARG_MAX));

    /* The machine's: consistent with each other, whatever the machine. */
    long conf = sysconf(_SC_NPROCESSORS_CONF), onln = sysconf(_SC_NPROCESSORS_ONLN);
    printf("processors: at least one %d, all online %d\n", onln >= 1, conf == onln);
    long phys = sysconf(_SC_PHYS_PAGES), avail = sysconf(_SC_AVPHYS_PAGES);
    printf("pages: some %d, some free %d, no more free than all %d\n", phys > 0, avail > 0, avail <= phys);

    errno = 0;
    long bad = sysconf(-1);
    printf("sysconf(-1): %ld errno %d\n", bad, errno);
    errno = 0;
    bad = sysconf(_SC_TIMER_MAX);
    printf("no limit: %ld errno %d\n", bad, errno);
    return 0;
}
