/*
 * The C library under threads: errno is per thread, malloc and free from many threads at
 * once keep the heap consistent, and each printf line comes out whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define THREADS 4
#define ALLOCS 300

static pthread_barrier_t start;

static void *errno_worker(void *arg)
{
    long me = (long)arg;
    pthread_barrier_wait(&start);
    errno = 100 + (int)me;
    pthread_barrier_wait(&start); /* everyone has set theirs */
    return (void *)(long)errno;
}

static void *heap_worker(void *arg)
{
    long me = (long)arg;
    char *blocks[16];
    int i, bad = 0;
    for (i = 0; i < ALLOCS; i++) {
        int slot = i % 16;
        size_t size = 16 + (size_t)((i * 37 + me * 11) % 2000);
        if (i >= 16) {
            /* The block still holds what this thread wrote: nobody else was given it. */
            if (blocks[slot][0] != (char)me || blocks[slot][5] != (char)(i - 16)) bad = 1;
            free(blocks[slot]);
        }
        blocks[slot] = malloc(size);
        memset(blocks[slot], (char)me, size);
        blocks[slot][5] = (char)i;
    }
    for (i = 0; i < 16; i++) free(blocks[i]);
    return (void *)(long)bad;
}

static void *print_worker(void *arg)
{
    long me = (long)arg;
    int i;
    for (i = 0; i < 50; i++) printf("thread %ld line %02d: the quick brown fox jumps over the lazy dog\n", me, i);
    return 0;
}

int main(void)
{
    pthread_t t[THREADS];
    void *r;
    long i;
    int ok = 1;

    pthread_barrier_init(&start, 0, THREADS);
    errno = 7;
    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, errno_worker, (void *)i);
    for (i = 0; i < THREADS; i++) {
        pthread_join(t[i], &r);
        if ((long)r != 100 + i) ok = 0;
    }
    printf("each thread kept its own errno: %d, main's still %d\n", ok, errno);

    ok = 1;
    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, heap_worker, (void *)i);
    for (i = 0; i < THREADS; i++) {
        pthread_join(t[i], &r);
        if (r) ok = 0;
    }
    printf("malloc from %d threads at once: blocks intact %d\n", THREADS, ok);
    fflush(stdout);

    /* The lines go to a file; they may interleave as whole lines, but never mix. */
    {
        int fd = open("/tmp/pthread_libc.out", O_RDWR | O_CREAT | O_TRUNC, 0600), saved = dup(1);
        char buf[65536];
        long n = 0, k, lines = 0, whole = 0;
        char *line;
        dup2(fd, 1);
        for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, print_worker, (void *)i);
        for (i = 0; i < THREADS; i++) pthread_join(t[i], 0);
        fflush(stdout);
        dup2(saved, 1);
        lseek(fd, 0, SEEK_SET);
        while ((k = read(fd, buf + n, sizeof buf - 1 - n)) > 0) n += k;
        close(fd);
        unlink("/tmp/pthread_libc.out");
        buf[n] = 0;
        for (line = strtok(buf, "\n"); line; line = strtok(0, "\n")) {
            lines++;
            if (strlen(line) == 61 && strstr(line, "the quick brown fox jumps over the lazy dog") == line + 18) whole++;
        }
        printf("%ld lines printed by %d threads, %ld of them whole\n", lines, THREADS, whole);
    }
    return 0;
}
