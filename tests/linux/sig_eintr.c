/*
 * Blocking calls and handlers: without SA_RESTART a read or wait interrupted by a handler
 * fails with EINTR; with SA_RESTART it goes on as if nothing happened. nanosleep, pause
 * and sigsuspend end with EINTR either way (nanosleep telling what was left), and
 * sigsuspend puts the old mask back. sigtimedwait takes a blocked signal, or times out.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int handled;

static void on_usr1(int sig) {
    (void) sig;
    handled++;
}

static void nap(long ms) {
    struct timespec ts = {0, ms * 1000000L};
    nanosleep(&ts, NULL);
}

static void use_handler(int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = flags;
    sigaction(SIGUSR1, &sa, NULL);
}

/* A child that signals us after 50 ms, writes a byte to fd 50 ms later (if fd >= 0), then exits. */
static pid_t poke(int fd) {
    pid_t pid = fork();
    if (pid == 0) {
        nap(50);
        kill(getppid(), SIGUSR1);
        nap(50);
        if (fd >= 0) write(fd, "x", 1);
        _exit(3);
    }
    return pid;
}

int main(void) {
    int fds[2];
    char c;
    int status;
    pipe(fds);

    use_handler(0);
    pid_t pid = poke(fds[1]);
    errno = 0;
    long n = read(fds[0], &c, 1);
    printf("read without SA_RESTART: %ld %s, handled %d\n", n, errno == EINTR ? "EINTR" : "?", handled);
    read(fds[0], &c, 1);
    waitpid(pid, &status, 0);

    use_handler(SA_RESTART);
    pid = poke(fds[1]);
    n = read(fds[0], &c, 1);
    printf("read with SA_RESTART: %ld '%c', handled %d\n", n, c, handled);
    waitpid(pid, &status, 0);

    use_handler(0);
    pid = poke(-1);
    errno = 0;
    pid_t got = waitpid(pid, &status, 0);
    printf("waitpid without SA_RESTART: %d %s\n", got == pid ? 1 : (int) got, errno == EINTR ? "EINTR" : "?");
    waitpid(pid, &status, 0);

    use_handler(SA_RESTART);
    pid = poke(-1);
    got = waitpid(pid, &status, 0);
    printf("waitpid with SA_RESTART: reaped %d, exit %d, handled %d\n", got == pid, WEXITSTATUS(status), handled);

    pid = poke(-1);
    struct timespec req = {5, 0}, rem = {0, 0};
    errno = 0;
    int r = nanosleep(&req, &rem);
    printf("nanosleep with SA_RESTART: %d %s, time left %d\n", r, errno == EINTR ? "EINTR" : "?",
           rem.tv_sec >= 4 && rem.tv_sec < 5);
    waitpid(pid, &status, 0);

    pid = poke(-1);
    errno = 0;
    r = pause();
    printf("pause: %d %s\n", r, errno == EINTR ? "EINTR" : "?");
    waitpid(pid, &status, 0);

    sigset_t usr1, empty, now;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &usr1, NULL);
    pid = poke(-1);
    errno = 0;
    r = sigsuspend(&empty);
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("sigsuspend: %d %s, handled %d, SIGUSR1 blocked again %d\n", r, errno == EINTR ? "EINTR" : "?",
           handled, sigismember(&now, SIGUSR1));
    waitpid(pid, &status, 0);

    struct timespec brief = {0, 20000000L};
    errno = 0;
    r = sigtimedwait(&usr1, NULL, &brief);
    printf("sigtimedwait with nothing pending: %d %s\n", r, errno == EAGAIN ? "EAGAIN" : "?");
    pid = poke(-1);
    siginfo_t info;
    r = sigwaitinfo(&usr1, &info);
    printf("sigwaitinfo: %d, from the child %d, code %d, handled %d\n", r, info.si_pid == pid, info.si_code, handled);
    waitpid(pid, &status, 0);
    kill(getpid(), SIGUSR1);
    int sig = 0;
    r = sigwait(&usr1, &sig);
    printf("sigwait: %d sig %d\n", r, sig);
    return 0;
}
