/*
 * race_ok_signal.c: a thread writes a value, then sends SIGUSR1 to the process; the handler
 * reads the value. Correct: sending a signal happens before its handler runs; no report.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static int value;
static volatile sig_atomic_t seen = -1;

static void handler(int sig)
{
    seen = value + sig - sig;
}

static void *sender(void *arg)
{
    value = 42;
    kill(getpid(), SIGUSR1);
    return arg;
}

int main(void)
{
    pthread_t t;
    sigset_t set;
    signal(SIGUSR1, handler);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    pthread_create(&t, 0, sender, 0);
    pthread_join(t, 0);
    while (seen < 0) continue;
    printf("seen = %d\n", seen);
    return 0;
}
