/*
 * race_ok_pipe.c: a thread fills a buffer and writes one byte into a pipe; main reads that
 * byte and only then reads the buffer. Correct: the write happens before the read of its
 * bytes; no report.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int fds[2];
static int buffer[64];

static void *filler(void *arg)
{
    for (int i = 0; i < 64; i++) buffer[i] = i + 1;
    write(fds[1], "x", 1);
    return arg;
}

int main(void)
{
    pthread_t t;
    char c;
    long sum = 0;
    pipe(fds);
    pthread_create(&t, 0, filler, 0);
    read(fds[0], &c, 1);
    for (int i = 0; i < 64; i++) sum += buffer[i];
    printf("sum = %ld\n", sum);
    pthread_join(t, 0);
    return 0;
}
