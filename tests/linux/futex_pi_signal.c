/*
 * A signal handler does not end FUTEX_LOCK_PI with EINTR, with or without SA_RESTART:
 * the handler runs, the thread goes back to waiting, and the call returns 0 once the lock
 * is handed over (Linux restarts it, ERESTARTNOINTR). FUTEX_WAIT, by contrast, returns
 * EINTR to a handler without SA_RESTART.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static unsigned int word, plain;
static volatile int handled;
static long result;
static int result_errno;

static void on_usr1(int sig) { (void)sig; handled++; }

static void *lock_pi(void *arg) {
    (void)arg;
    result = syscall(SYS_futex, &word, FUTEX_LOCK_PI, 0, NULL, NULL, 0);
    result_errno = errno;
    if (result == 0) syscall(SYS_futex, &word, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0);
    return NULL;
}

static void *wait_plain(void *arg) {
    (void)arg;
    result = syscall(SYS_futex, &plain, FUTEX_WAIT, 0, NULL, NULL, 0);
    result_errno = errno;
    return NULL;
}

static void run(const char *what, void *(*fn)(void *), int flags) {
    struct sigaction sa;
    pthread_t t;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = flags;
    sigaction(SIGUSR1, &sa, NULL);
    handled = 0;
    word = syscall(SYS_gettid); /* main holds the PI word */
    pthread_create(&t, NULL, fn, NULL);
    if (fn == lock_pi) {
        while (!(word & FUTEX_WAITERS)) usleep(1000);
    }
    usleep(20000);
    pthread_kill(t, SIGUSR1);
    while (!handled) usleep(1000);
    usleep(20000); /* the thread is back to waiting, or has returned */
    if (syscall(SYS_futex, &word, FUTEX_UNLOCK_PI, 0, NULL, NULL, 0) != 0) printf("unlock failed\n");
    if (fn == wait_plain) syscall(SYS_futex, &plain, FUTEX_WAKE, 1, NULL, NULL, 0);
    pthread_join(t, NULL);
    printf("%-32s handler ran %d time(s); the call returned %ld%s%s\n", what, handled, result,
           result < 0 ? " " : "", result < 0 ? strerror(result_errno) : "");
}

int main(void) {
    run("LOCK_PI, handler without SA_RESTART", lock_pi, 0);
    run("LOCK_PI, handler with SA_RESTART", lock_pi, SA_RESTART);
    run("WAIT, handler without SA_RESTART", wait_plain, 0);
    printf("word after: %u\n", word);
    return 0;
}
