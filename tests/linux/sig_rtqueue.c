/*
 * Real-time signals queue: each sigqueue is delivered, in the order sent and with its
 * value, while a standard signal sent twice is delivered once. Pending signals are taken
 * lowest number first, each nesting its handler's frame over the last one's, so the
 * handlers run in the order Linux's shows. sigpending and sigwaitinfo see the queue too.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int order[16], values[16], codes[16];
static volatile int n;

static void on_signal(int sig, siginfo_t *info, void *uc) {
    (void) uc;
    order[n] = sig == SIGUSR1 ? -1 : sig - SIGRTMIN;
    values[n] = info->si_value.sival_int;
    codes[n] = info->si_code;
    n++;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);

    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGRTMIN);
    sigaddset(&block, SIGRTMIN + 1);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    union sigval v;
    v.sival_int = 30;
    sigqueue(getpid(), SIGRTMIN + 1, v);
    for (int i = 1; i <= 3; i++) {
        v.sival_int = i;
        sigqueue(getpid(), SIGRTMIN, v);
    }
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1);
    sigset_t pending;
    sigpending(&pending);
    printf("pending: RTMIN %d RTMIN+1 %d USR1 %d\n", sigismember(&pending, SIGRTMIN),
           sigismember(&pending, SIGRTMIN + 1), sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    for (int i = 0; i < n; i++) {
        if (order[i] < 0) printf("%d: SIGUSR1 value %d code %d\n", i, values[i], codes[i]);
        else printf("%d: SIGRTMIN+%d value %d code %d\n", i, order[i], values[i], codes[i]);
    }

    sigprocmask(SIG_BLOCK, &block, NULL);
    for (int i = 5; i <= 6; i++) {
        v.sival_int = i;
        sigqueue(getpid(), SIGRTMIN, v);
    }
    siginfo_t info;
    for (int i = 0; i < 2; i++) {
        int sig = sigwaitinfo(&block, &info);
        printf("sigwaitinfo: SIGRTMIN+%d value %d from us %d\n", sig - SIGRTMIN, info.si_value.sival_int,
               info.si_pid == getpid());
    }
    sigpending(&pending);
    printf("queue empty: %d\n", !sigismember(&pending, SIGRTMIN));
    return 0;
}
