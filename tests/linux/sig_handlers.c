/*
 * Handlers: sigaction's flags and the old action it returns, SA_SIGINFO's siginfo_t from
 * kill and raise, blocking with sigprocmask and sigpending, delivery on unblocking, the
 * handler's mask, SA_NODEFER nesting, SA_RESETHAND, and SIG_IGN.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int count;
static volatile int depth, max_depth, calls;
static int last_signo, last_code, pid_matches;
static int usr2_blocked_inside;

static void on_info(int sig, siginfo_t *info, void *uc) {
    (void) uc;
    count++;
    last_signo = info->si_signo;
    last_code = info->si_code;
    pid_matches = info->si_pid == getpid();
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    usr2_blocked_inside = sigismember(&now, SIGUSR2);
}

static void nested(int sig) {
    depth++;
    calls++;
    if (depth > max_depth) max_depth = depth;
    if (calls < 3) raise(sig);
    depth--;
}

static void plain(int sig) {
    count += sig;
}

int main(void) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    if (sigaction(SIGUSR1, &sa, &old) != 0) perror("sigaction");
    printf("old handler is SIG_DFL: %d\n", old.sa_handler == SIG_DFL);
    sigaction(SIGUSR1, NULL, &old);
    printf("SA_SIGINFO kept: %d\n", (old.sa_flags & SA_SIGINFO) != 0);

    kill(getpid(), SIGUSR1);
    printf("kill: count %d signo %d code %d pid ok %d usr2 blocked inside %d\n",
           count, last_signo, last_code, pid_matches, usr2_blocked_inside);
    raise(SIGUSR1);
    printf("raise: count %d signo %d code %d pid ok %d\n", count, last_signo, last_code, pid_matches);

    sigset_t block, pending, now;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1);
    sigpending(&pending);
    printf("blocked: count %d pending %d\n", count, sigismember(&pending, SIGUSR1));
    sigprocmask(SIG_UNBLOCK, &block, NULL);
    printf("unblocked: count %d (standard signals do not queue)\n", count);
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("mask restored after handler: usr2 %d\n", sigismember(&now, SIGUSR2));

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nested;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("SA_NODEFER nesting depth %d\n", max_depth);
    max_depth = 0;
    calls = 0;
    sa.sa_flags = 0;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("without SA_NODEFER depth %d after %d calls\n", max_depth, calls);

    count = 0;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = plain;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGHUP, &sa, NULL);
    raise(SIGHUP);
    sigaction(SIGHUP, NULL, &old);
    printf("SA_RESETHAND: count %d now SIG_DFL %d\n", count, old.sa_handler == SIG_DFL);

    signal(SIGTERM, SIG_IGN);
    raise(SIGTERM);
    printf("SIG_IGN: still alive\n");
    printf("signal() returns old: %d\n", signal(SIGTERM, SIG_DFL) == SIG_IGN);

    printf("SIGKILL cannot be caught: %d\n", sigaction(SIGKILL, &sa, NULL));
    printf("SIGSTOP cannot be ignored: %d\n", signal(SIGSTOP, SIG_IGN) == SIG_ERR);
    printf("bad signal: %d\n", sigaction(65, &sa, NULL));
    sigfillset(&block);
    sigprocmask(SIG_SETMASK, &block, NULL);
    sigprocmask(SIG_SETMASK, NULL, &now);
    printf("SIGKILL never blocked: %d, SIGSTOP: %d, SIGINT: %d\n",
           sigismember(&now, SIGKILL), sigismember(&now, SIGSTOP), sigismember(&now, SIGINT));
    return 0;
}
