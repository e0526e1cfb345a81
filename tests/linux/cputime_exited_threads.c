/* CLOCK_PROCESS_CPUTIME_ID counts the CPU time of the process's threads that have exited,
 * as Linux's thread_group_cputime does, not only of the live ones. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static long nanos(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

/* Burns 2 ms of its own CPU time and returns how much it used. */
static void *burn(void *arg)
{
    long used;
    (void)arg;
    while ((used = nanos(CLOCK_THREAD_CPUTIME_ID)) < 2000000) {
    }
    return (void *)used;
}

int main(void)
{
    pthread_t t[2];
    void *used[2];
    long process;
    int i;
    for (i = 0; i < 2; i++) pthread_create(&t[i], 0, burn, 0);
    for (i = 0; i < 2; i++) pthread_join(t[i], &used[i]);
    process = nanos(CLOCK_PROCESS_CPUTIME_ID);
    printf("the exited threads each used at least 2 ms: %s\n", (long)used[0] >= 2000000 && (long)used[1] >= 2000000 ? "yes" : "no");
    printf("the process clock includes them: %s\n", process >= (long)used[0] + (long)used[1] ? "yes" : "no");
    return 0;
}
