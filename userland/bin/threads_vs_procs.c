/*
 * threads_vs_procs [COUNT] [SECONDS]: threads and processes side by side.
 *
 * Starts COUNT child processes with fork() and COUNT threads with pthread_create (default 3
 * of each); every one of them adds 1 to the same global counter and sleeps SECONDS
 * (default 2) so that you can look at them. To the kernel both are tasks made by clone();
 * what differs is what they share. The threads share the process's address space, so their
 * increments land in the main thread's counter; each child has its own copy-on-write copy
 * of the memory, so its increment is lost with it. At the end the counter is COUNT, not
 * 2 * COUNT.
 *
 * Try in the shell: `threads_vs_procs &`, then `ps -fL`. The threads are rows with the
 * same PID and different LWPs (NLWP is COUNT + 1); the children are processes of their
 * own, with PPID the demo's pid and NLWP 1. Then `wait`.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int counter;
static int seconds = 2;

/* Body of a thread and of a child process alike: count ourselves in, then sleep. */
static void *count_and_sleep(void *arg)
{
    (void)arg;
    __sync_fetch_and_add(&counter, 1);
    sleep(seconds);
    return 0;
}

int main(int argc, char **argv)
{
    int count = argc > 1 ? atoi(argv[1]) : 3, i;
    pthread_t tid[64];

    if (argc > 2) seconds = atoi(argv[2]);
    if (count < 1 || count > 64 || seconds < 0) {
        fprintf(stderr, "usage: threads_vs_procs [COUNT (1-64)] [SECONDS]\n");
        return 2;
    }
    printf("pid %d: forking %d processes and creating %d threads, each sleeping %d s\n", getpid(), count, count,
            seconds);
    fflush(stdout);
    for (i = 0; i < count; i++) {
        if (fork() == 0) {
            count_and_sleep(0);
            _exit(0);
        }
    }
    for (i = 0; i < count; i++) pthread_create(&tid[i], 0, count_and_sleep, 0);
    for (i = 0; i < count; i++) pthread_join(tid[i], 0);
    for (i = 0; i < count; i++) wait(0);
    printf("pid %d: counter = %d (the %d threads' increments; the processes changed their own copies)\n", getpid(),
            counter, count);
    return 0;
}
