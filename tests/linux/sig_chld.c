/*
 * SIGCHLD on a child's exit carries how it ended (CLD_EXITED with the exit code, CLD_KILLED
 * with the signal). A parent that sets SIGCHLD to SIG_IGN, or uses SA_NOCLDWAIT, leaves no
 * zombies: wait finds no child (ECHILD). Writing to a pipe nobody reads gives SIGPIPE,
 * which kills, or, ignored, leaves write failing with EPIPE.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int chld_count, last_code, last_status, pid_ok;
static volatile pid_t expected_pid;

static void on_chld(int sig, siginfo_t *info, void *uc) {
    (void) sig;
    (void) uc;
    chld_count++;
    last_code = info->si_code;
    last_status = info->si_status;
    pid_ok = info->si_pid == expected_pid;
}

static void set_chld(void *handler, int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    if (flags & SA_SIGINFO) sa.sa_sigaction = handler;
    else sa.sa_handler = handler;
    sa.sa_flags = flags;
    sigaction(SIGCHLD, &sa, NULL);
}

static void collect(int expected) {
    sigset_t unblocked;
    sigemptyset(&unblocked);
    while (chld_count < expected) sigsuspend(&unblocked);
}

static void *nothing(void *arg) {
    return arg;
}

/* A child whose thread ends before the child does: SIGCHLD must wait for the child's own exit. */
static void thread_end_is_not_reported(void) {
    int up[2], down[2];
    char c;
    pipe(up);
    pipe(down);
    pid_t pid = fork();
    if (pid == 0) {
        pthread_t t;
        pthread_create(&t, NULL, nothing, NULL);
        pthread_join(t, NULL);
        write(up[1], "j", 1);
        read(down[0], &c, 1);
        _exit(0);
    }
    read(up[0], &c, 1);
    sigset_t pending;
    sigpending(&pending);
    printf("after the child's thread ended: SIGCHLD pending %d\n", sigismember(&pending, SIGCHLD));
    write(down[1], "e", 1);
    int status;
    waitpid(pid, &status, 0);
    sigpending(&pending);
    printf("after the child ended: SIGCHLD pending %d\n", sigismember(&pending, SIGCHLD));
    close(up[0]);
    close(up[1]);
    close(down[0]);
    close(down[1]);
}

int main(void) {
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    thread_end_is_not_reported();
    set_chld(on_chld, SA_SIGINFO);
    collect(1);
    chld_count = 0;

    pid_t pid = fork();
    if (pid == 0) _exit(42);
    expected_pid = pid;
    collect(1);
    printf("exit: code %d status %d pid ok %d\n", last_code, last_status, pid_ok);
    int status;
    printf("zombie reaped: %d\n", waitpid(pid, &status, 0) == pid);

    pid = fork();
    if (pid == 0) {
        for (;;) pause();
    }
    expected_pid = pid;
    kill(pid, SIGTERM);
    collect(2);
    printf("killed: code %d status %d pid ok %d\n", last_code, last_status, pid_ok);
    waitpid(pid, &status, 0);

    set_chld(SIG_IGN, 0);
    sigprocmask(SIG_UNBLOCK, &chld, NULL);
    pid = fork();
    if (pid == 0) _exit(1);
    errno = 0;
    int got = (int) wait(&status);
    printf("SIG_IGN: wait %d %s\n", got, errno == ECHILD ? "ECHILD" : "?");

    sigprocmask(SIG_BLOCK, &chld, NULL);
    set_chld(on_chld, SA_SIGINFO | SA_NOCLDWAIT);
    pid = fork();
    if (pid == 0) _exit(7);
    expected_pid = pid;
    collect(3);
    errno = 0;
    got = (int) wait(&status);
    printf("SA_NOCLDWAIT: handler saw status %d, wait %d %s\n", last_status, got, errno == ECHILD ? "ECHILD" : "?");
    set_chld(SIG_DFL, 0);

    int fds[2];
    pipe(fds);
    close(fds[0]);
    pid = fork();
    if (pid == 0) {
        write(fds[1], "x", 1);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    printf("write to a closed pipe: killed %d by %d\n", WIFSIGNALED(status), WTERMSIG(status));
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    long n = write(fds[1], "x", 1);
    printf("with SIGPIPE ignored: %ld %s\n", n, errno == EPIPE ? "EPIPE" : "?");
    return 0;
}
