/*
 * Signals and threads: one handler table for the whole process (a handler installed by one
 * thread runs in another), per-thread masks and pending sets, pthread_kill and tgkill
 * reaching the chosen thread, a process signal going to the thread that does not block it,
 * and a fatal signal sent to one thread killing the whole process.
 */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_t main_thread, worker;
static volatile int by_main, by_worker, usr2_in_main, stage, worker_sees_pending;
static volatile pid_t worker_tid;

static void on_usr1(int sig) {
    (void) sig;
    if (pthread_equal(pthread_self(), worker)) by_worker++;
    else if (pthread_equal(pthread_self(), main_thread)) by_main++;
}

static void on_usr2(int sig) {
    (void) sig;
    usr2_in_main = pthread_equal(pthread_self(), main_thread);
}

static void *work(void *arg) {
    (void) arg;
    worker_tid = (pid_t) syscall(SYS_gettid);
    while (stage != 100) {
        if (stage == 4) {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_usr2;
            sigaction(SIGUSR2, &sa, NULL);
            stage = 5;
        }
        if (stage == 6) {
            sigset_t p;
            sigpending(&p);
            worker_sees_pending = sigismember(&p, SIGUSR1);
            stage = 7;
        }
        sched_yield();
    }
    return NULL;
}

static void wait_for(volatile int *counter, int value) {
    while (*counter < value) sched_yield();
}

static void *spin(void *arg) {
    (void) arg;
    for (;;) sched_yield();
    return NULL;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    main_thread = pthread_self();
    pthread_create(&worker, NULL, work, NULL);
    while (worker_tid == 0) sched_yield();

    pthread_kill(worker, SIGUSR1);
    wait_for(&by_worker, 1);
    printf("pthread_kill: worker %d main %d\n", by_worker, by_main);

    syscall(SYS_tgkill, getpid(), worker_tid, SIGUSR1);
    wait_for(&by_worker, 2);
    printf("tgkill: worker %d main %d\n", by_worker, by_main);
    printf("tgkill with the wrong group: %d\n", (int) syscall(SYS_tgkill, getpid() + 1000, worker_tid, SIGUSR1));

    sigset_t usr1;
    sigemptyset(&usr1);
    sigaddset(&usr1, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &usr1, NULL);
    kill(getpid(), SIGUSR1);
    wait_for(&by_worker, 3);
    printf("kill while main blocks it: worker %d main %d\n", by_worker, by_main);

    stage = 4;
    while (stage != 5) sched_yield();
    raise(SIGUSR2);
    printf("handler installed by the worker ran in main: %d\n", usr2_in_main);

    pthread_kill(main_thread, SIGUSR1);
    sigset_t p;
    sigpending(&p);
    stage = 6;
    while (stage != 7) sched_yield();
    printf("pending in main %d, in worker %d\n", sigismember(&p, SIGUSR1), worker_sees_pending);
    pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
    printf("after unblocking: worker %d main %d\n", by_worker, by_main);

    stage = 100;
    pthread_join(worker, NULL);

    pid_t pid = fork();
    if (pid == 0) {
        pthread_t t;
        pthread_create(&t, NULL, spin, NULL);
        pthread_kill(t, SIGTERM);
        for (;;) sched_yield();
    }
    int status;
    waitpid(pid, &status, 0);
    printf("SIGTERM to one thread: signaled %d sig %d\n", WIFSIGNALED(status), WTERMSIG(status));
    return 0;
}
