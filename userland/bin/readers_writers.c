/*
 * readers_writers [READERS] [WRITERS] [ROUNDS]: a reader-writer lock keeps a table consistent.
 *
 * A "database" is a table of 8 numbers that must always be equal. WRITERS threads (default
 * 2) each update it ROUNDS times (default 200), writing a new version number into every
 * entry one by one; READERS threads (default 4) read it ROUNDS times each and check that all
 * entries agree. A pthread rwlock lets any number of readers in together, but a writer only
 * alone, so no reader can see a table that is half updated. Run `readers_writers -n` to drop
 * the lock: readers then see torn tables, and (on several CPUs) writers lose versions.
 *
 * What to watch: with the lock, every read is consistent and the final version is exactly
 * WRITERS * ROUNDS; without it, the counts of torn reads depend on the schedule (and on
 * --seed in Clonix).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENTRIES 8

static volatile long table[ENTRIES];
static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static int use_lock = 1;
static long rounds = 200;

/* What one reader saw: how many reads, and how many of them found a torn table. */
struct reads {
    long total, torn;
};

/* Writer: ROUNDS times, sets every entry to the current version plus one. */
static void *writer(void *arg)
{
    long r;
    int i;
    (void)arg;
    for (r = 0; r < rounds; r++) {
        long next;
        if (use_lock) pthread_rwlock_wrlock(&lock);
        next = table[0] + 1;
        for (i = 0; i < ENTRIES; i++) table[i] = next;
        if (use_lock) pthread_rwlock_unlock(&lock);
    }
    return 0;
}

/* Reader: ROUNDS times, reads the whole table and counts the reads where entries differ. */
static void *reader(void *arg)
{
    struct reads *mine = arg;
    long r;
    int i;
    for (r = 0; r < rounds; r++) {
        long first;
        int torn = 0;
        if (use_lock) pthread_rwlock_rdlock(&lock);
        first = table[0];
        for (i = 1; i < ENTRIES; i++)
            if (table[i] != first) torn = 1;
        if (use_lock) pthread_rwlock_unlock(&lock);
        mine->total++;
        mine->torn += torn;
    }
    return 0;
}

int main(int argc, char **argv)
{
    pthread_t tid[128];
    struct reads reads[64];
    int arg = 1, readers = 4, writers = 2, i;
    long total = 0, torn = 0;

    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        use_lock = 0;
        arg = 2;
    }
    if (argc > arg) readers = atoi(argv[arg]);
    if (argc > arg + 1) writers = atoi(argv[arg + 1]);
    if (argc > arg + 2) rounds = atol(argv[arg + 2]);
    if (readers < 1 || readers > 64 || writers < 1 || writers > 64 || rounds < 1) {
        fprintf(stderr, "usage: readers_writers [-n] [READERS (1-64)] [WRITERS (1-64)] [ROUNDS]\n");
        return 2;
    }
    for (i = 0; i < readers; i++) {
        reads[i].total = reads[i].torn = 0;
        pthread_create(&tid[i], 0, reader, &reads[i]);
    }
    for (i = 0; i < writers; i++) pthread_create(&tid[readers + i], 0, writer, 0);
    for (i = 0; i < readers + writers; i++) pthread_join(tid[i], 0);
    for (i = 0; i < readers; i++) {
        total += reads[i].total;
        torn += reads[i].torn;
    }
    printf("%d readers, %d writers, %ld rounds each, %s\n", readers, writers, rounds,
            use_lock ? "with a rwlock" : "without a lock");
    printf("reads: %ld, torn: %ld\n", total, torn);
    printf("final version: %ld (expected %ld)\n", table[0], writers * rounds);
    return 0;
}
