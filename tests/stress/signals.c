/*
 * Queued real-time signals. SIGRTMIN is blocked, and sigqueue to the process queues it
 * until EAGAIN (the queue's limit); kill() of the full queue still succeeds (its instance is
 * lost), as on Linux. Then threads are made, all waiting with SIGRTMIN blocked, and the main
 * thread fills each one's own queue with tgkill until EAGAIN: first at the queue's limit,
 * then earlier, once there is no memory left for the queues.
 */
#include "stress.h"
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>

static volatile pid_t tids[100000];

static void *waiter(void *slot) {
    *(volatile pid_t *) slot = gettid();
    for (;;) pause();
    return 0;
}

int main(int argc, char **argv) {
    int most = argc > 1 ? atoi(argv[1]) : 8;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &set, 0);
    union sigval v = {0};
    long queued = 0;
    while (sigqueue(getpid(), SIGRTMIN, v) == 0) queued++;
    printf("sigqueue: %ld queued, then %s\n", queued, errname(errno));
    printf("kill of a full queue: %s\n", kill(getpid(), SIGRTMIN) == 0 ? "0" : errname(errno));

    int threads = 0, create_err = 0;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    while (threads < most && threads < 100000) {
        pthread_t t;
        int e = pthread_create(&t, &attr, waiter, (void *) &tids[threads]);
        if (e != 0) { create_err = e; break; }
        while (tids[threads] == 0) sched_yield();
        threads++;
    }
    if (create_err) printf("pthread_create: %s after %d threads\n", errname(create_err), threads);
    long total = 0, first = -1, n = 0;
    int full = 0, err = 0;
    for (int i = 0; i < threads; i++) {
        n = 0;
        while (tgkill(getpid(), tids[i], SIGRTMIN) == 0) n++;
        err = errno;
        total += n;
        if (first < 0) first = n;
        if (n < first) break;
        full++;
    }
    printf("first thread: %ld queued, then %s\n", first, errname(err));
    printf("%d threads' queues full, %ld signals queued, the next refused after %ld, then %s\n", full, total, n, errname(err));
    return 0;
}
