/*
 * mn_io [READERS]: user threads that block in the kernel need LWPs of their own.
 *
 * READERS (default 4) user threads each wait in read(2) on a pipe of their own, and one
 * more sleeps 10 ms in nanosleep(2) and then writes a byte into every pipe. A user thread
 * that blocks in the kernel takes its LWP with it, so on one LWP the first reader would
 * wait forever for a writer that could never run. The library's blocking wrappers
 * (uthread_read, uthread_nanosleep) tell it when that is about to happen: when every LWP
 * is blocked and user threads are still ready, it adds an LWP (as Solaris did on
 * SIGWAITING). What to watch: the program ends, and the last line says how many LWPs it
 * needed: one per thread that was blocked at the same time.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <uthread.h>

#define MAX_READERS 16

static int pipes[MAX_READERS][2];
static int readers;

/* Waits for one byte on its pipe and returns it. */
static void *reader(void *arg)
{
    char byte = '?';
    uthread_read(pipes[(long)arg][0], &byte, 1);
    return (void *)(long)byte;
}

/* Sleeps 10 ms, then feeds every reader (write to a pipe with room does not block). */
static void *sleeper(void *arg)
{
    struct timespec ten_ms = {0, 10000000};
    int i;
    uthread_nanosleep(&ten_ms, 0);
    for (i = 0; i < readers; i++) {
        char byte = 'a' + i;
        write(pipes[i][1], &byte, 1);
    }
    return arg;
}

int main(int argc, char **argv)
{
    uthread_t threads[MAX_READERS], feeder;
    int i;
    readers = argc > 1 ? atoi(argv[1]) : 4;
    if (readers < 1 || readers > MAX_READERS) {
        fprintf(stderr, "usage: mn_io [READERS (1-%d)]\n", MAX_READERS);
        return 2;
    }
    for (i = 0; i < readers; i++) pipe(pipes[i]);
    printf("concurrency level at start: %d LWP\n", uthread_getconcurrency());
    for (i = 0; i < readers; i++) uthread_create(&threads[i], reader, (void *)(long)i);
    uthread_create(&feeder, sleeper, 0);
    for (i = 0; i < readers; i++) {
        void *byte;
        uthread_join(threads[i], &byte);
        printf("reader %d read '%c'\n", i, (char)(long)byte);
    }
    uthread_join(feeder, 0);
    printf("%d user threads blocked in the kernel at once: the pool grew to %d LWPs\n", readers + 1,
            uthread_lwp_count());
    return 0;
}
