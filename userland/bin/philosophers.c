/*
 * philosophers [ordered] [PHILOSOPHERS] [MEALS]: dining philosophers, the deadlock and its fix.
 *
 * PHILOSOPHERS threads (default 5) sit at a round table with one fork (a pthread mutex)
 * between each two neighbours; a philosopher needs both forks to eat, MEALS times (default
 * 3). Plain `philosophers` is the naive solution: everyone takes the left fork, thinks for a
 * millisecond, then takes the right one. The millisecond gives every philosopher time to
 * take a left fork, so each then waits for a right fork that its neighbour holds and will
 * never put down: a cycle of waits, a deadlock. Nobody can run again, and the shell says so:
 * it prints the kernel's report, one line per thread, each blocked in `futex` (the waits of
 * pthread_mutex_lock, and the main thread's pthread_join), then kills the job.
 *
 * `philosophers ordered` breaks the cycle by lock ordering: each philosopher takes the
 * lower-numbered of its two forks first. The last philosopher's forks are N-1 and 0, so it
 * reaches for fork 0 first, like its neighbour, and can never hold one fork while the whole
 * circle waits. Everyone eats every meal.
 *
 * Try in the shell: `philosophers` (watch the report), then `philosophers ordered`. From the
 * host, `./clonix run userland/bin/philosophers.c` prints the kernel's report with each futex's
 * address: the forks are consecutive elements of fork_lock, and every philosopher waits on
 * the fork after its own left one, which its neighbour holds, all round the table. On Linux
 * the naive version simply hangs.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_PHILOSOPHERS 64

static pthread_mutex_t fork_lock[MAX_PHILOSOPHERS];
static int meals_eaten[MAX_PHILOSOPHERS];
static int philosophers = 5, meals = 3, ordered;

/* Philosopher (long)arg: eats MEALS meals, taking its two forks in the order the mode says. */
static void *dine(void *arg)
{
    int me = (int)(long)arg, left = me, right = (me + 1) % philosophers, meal;
    int first = left, second = right;
    if (ordered && right < left) {
        first = right;
        second = left;
    }
    for (meal = 0; meal < meals; meal++) {
        pthread_mutex_lock(&fork_lock[first]);
        /* Thinking while holding one fork is what lets every philosopher take one. */
        usleep(1000);
        pthread_mutex_lock(&fork_lock[second]);
        meals_eaten[me]++;
        pthread_mutex_unlock(&fork_lock[second]);
        pthread_mutex_unlock(&fork_lock[first]);
    }
    return 0;
}

int main(int argc, char **argv)
{
    pthread_t tid[MAX_PHILOSOPHERS];
    int arg = 1, i, total = 0;

    if (argc > 1 && strcmp(argv[1], "ordered") == 0) {
        ordered = 1;
        arg = 2;
    }
    if (argc > arg) philosophers = atoi(argv[arg]);
    if (argc > arg + 1) meals = atoi(argv[arg + 1]);
    if (philosophers < 2 || philosophers > MAX_PHILOSOPHERS || meals < 1) {
        fprintf(stderr, "usage: philosophers [ordered] [PHILOSOPHERS (2-%d)] [MEALS]\n", MAX_PHILOSOPHERS);
        return 2;
    }
    printf("%d philosophers, %d meals each, forks taken %s\n", philosophers, meals,
            ordered ? "lower-numbered first" : "left first");
    fflush(stdout);
    for (i = 0; i < philosophers; i++) pthread_mutex_init(&fork_lock[i], 0);
    for (i = 0; i < philosophers; i++) pthread_create(&tid[i], 0, dine, (void *)(long)i);
    for (i = 0; i < philosophers; i++) pthread_join(tid[i], 0);
    for (i = 0; i < philosophers; i++) {
        printf("philosopher %d ate %d meals\n", i, meals_eaten[i]);
        total += meals_eaten[i];
    }
    printf("all %d meals eaten\n", total);
    return 0;
}
