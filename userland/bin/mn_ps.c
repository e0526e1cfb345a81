/*
 * mn_ps [THREADS [LWPS]]: user threads outnumber the LWPs the kernel can see.
 *
 * Sets the concurrency level of the two-level library to LWPS (default 2), makes THREADS
 * (default 8) user threads that take turns yielding, and while they are all alive runs
 * `ps -fL -p PID` on itself (fork, then exec in the child). What to watch: ps lists one
 * row per LWP (the NLWP column says how many) and nothing of the user threads, which
 * exist only inside the process; the last line compares the two counts, reading
 * /proc/self/task as ps does.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uthread.h>

static volatile int finished;

/* Yields until main says the show is over. */
static void *take_turns(void *arg)
{
    while (!finished) uthread_yield();
    return arg;
}

/* The entries of /proc/self/task: one per kernel thread of this process. */
static int task_entries(void)
{
    DIR *dir = opendir("/proc/self/task");
    struct dirent *entry;
    int count = 0;
    if (!dir) return -1;
    while ((entry = readdir(dir)) != 0)
        if (entry->d_name[0] != '.') count++;
    closedir(dir);
    return count;
}

/* Runs /bin/ps -fL -p PID in a child and waits for it (a blocking call, so it is announced). */
static void run_ps(void)
{
    char pid[16];
    char *argv[] = {"ps", "-fL", "-p", pid, 0};
    pid_t child;
    int status;
    snprintf(pid, sizeof pid, "%d", getpid());
    fflush(stdout);
    child = fork();
    if (child == 0) {
        execv("/bin/ps", argv);
        perror("mn_ps: /bin/ps");
        _exit(127);
    }
    uthread_blocking_begin();
    waitpid(child, &status, 0);
    uthread_blocking_end();
}

int main(int argc, char **argv)
{
    int count = argc > 1 ? atoi(argv[1]) : 8, lwps = argc > 2 ? atoi(argv[2]) : 2, i;
    uthread_t threads[64];
    if (count < 1 || count > 64 || lwps < 1 || lwps > UTHREAD_MAX_LWPS) {
        fprintf(stderr, "usage: mn_ps [THREADS (1-64) [LWPS (1-%d)]]\n", UTHREAD_MAX_LWPS);
        return 2;
    }
    uthread_setconcurrency(lwps);
    for (i = 0; i < count; i++) uthread_create(&threads[i], take_turns, 0);
    uthread_yield(); /* let every thread start */
    run_ps();
    printf("%d user threads (and main) on %d LWPs; /proc/self/task has %d entries\n", count,
            uthread_lwp_count(), task_entries());
    finished = 1;
    for (i = 0; i < count; i++) uthread_join(threads[i], 0);
    return 0;
}
