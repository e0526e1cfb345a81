/*
 * scanf_threads.c: four threads read numbers from one stream with fscanf at the same
 * time. fscanf holds the stream's lock for a whole call, so no number is ever split
 * between two threads: together they read every number exactly once, whatever the
 * interleaving, and the count and the sum come out the same on every run.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define NUMBERS 2000
#define THREADS 4

static FILE *in;

static void *reader(void *arg)
{
    long *sum = arg, v;
    int count = 0;
    while (fscanf(in, "%ld", &v) == 1) {
        *sum += v;
        count++;
    }
    return (void *)(long)count;
}

int main(void)
{
    const char *path = "/tmp/scanf_threads.txt";
    pthread_t t[THREADS];
    long sums[THREADS] = { 0 }, total = 0, count = 0;
    FILE *out = fopen(path, "w");
    int i;
    /* Numbers of every width, so that a split number would change the sum. */
    for (i = 1; i <= NUMBERS; i++) fprintf(out, "%ld%c", (long)i * i * i, i % 7 ? ' ' : '\n');
    fclose(out);
    in = fopen(path, "r");
    for (i = 0; i < THREADS; i++) pthread_create(&t[i], 0, reader, &sums[i]);
    for (i = 0; i < THREADS; i++) {
        void *n;
        pthread_join(t[i], &n);
        count += (long)n;
        total += sums[i];
    }
    printf("read %ld numbers, sum %ld (expected %ld)\n", count, total, (long)NUMBERS * NUMBERS * (NUMBERS + 1) * (NUMBERS + 1) / 4);
    printf("at end: eof %d\n", feof(in));
    fclose(in);
    unlink(path);
    return 0;
}
