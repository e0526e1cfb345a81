/* What sigwaitinfo reports of raise, pthread_kill, kill and sigqueue (glibc folds tkill's
   SI_TKILL into SI_USER); what sleep returns when a signal cuts it short; killpg; and
   clock_nanosleep's way of failing. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>

static const char *code(int c)
{
    switch (c) {
    case SI_USER: return "SI_USER";
    case SI_QUEUE: return "SI_QUEUE";
    case SI_TKILL: return "SI_TKILL";
    case SI_KERNEL: return "SI_KERNEL";
    case SI_TIMER: return "SI_TIMER";
    default: return "other";
    }
}

static void on_alarm(int sig) { (void)sig; }

int main(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    siginfo_t info;
    struct timespec zero = {0, 0};

    raise(SIGUSR1);
    sigwaitinfo(&set, &info);
    printf("raise: %s\n", code(info.si_code));
    pthread_kill(pthread_self(), SIGUSR1);
    sigtimedwait(&set, &info, &zero);
    printf("pthread_kill: %s\n", code(info.si_code));
    kill(getpid(), SIGUSR1);
    sigwaitinfo(&set, &info);
    printf("kill: %s, from us %d\n", code(info.si_code), info.si_pid == getpid());
    union sigval v = {.sival_int = 7};
    sigqueue(getpid(), SIGUSR1, v);
    sigwaitinfo(&set, &info);
    printf("sigqueue: %s value %d\n", code(info.si_code), info.si_value.sival_int);

    /* sleep(5) cut short after 2.5 s returns the seconds that were left, rounded down: 2. */
    signal(SIGALRM, on_alarm);
    struct itimerval half = {{0, 0}, {2, 500000}};
    setitimer(ITIMER_REAL, &half, NULL);
    unsigned left = sleep(5);
    printf("sleep(5) interrupted after 2.5 s returns %u\n", left);
    struct timespec req = {3, 0}, rem = {0, 0};
    alarm(1);
    int r = nanosleep(&req, &rem);
    printf("nanosleep: %d errno %d, about 2 s left %d\n", r, errno, rem.tv_sec == 1 || rem.tv_sec == 2);

    /* clock_nanosleep returns the error number itself. */
    alarm(1);
    r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem);
    printf("clock_nanosleep interrupted: %d (EINTR %d)\n", r, EINTR);
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    now.tv_nsec += 50000000;
    if (now.tv_nsec >= 1000000000) {
        now.tv_sec++;
        now.tv_nsec -= 1000000000;
    }
    r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &now, NULL);
    struct timespec after;
    clock_gettime(CLOCK_MONOTONIC, &after);
    printf("TIMER_ABSTIME: %d, woke at or after the time %d\n", r,
           after.tv_sec > now.tv_sec || (after.tv_sec == now.tv_sec && after.tv_nsec >= now.tv_nsec));
    struct timespec past = {0, 0};
    printf("TIMER_ABSTIME in the past: %d\n", clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &past, NULL));
    struct timespec bad = {0, 1000000000};
    errno = 0;
    r = clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL);
    printf("nsec 1e9: %d, errno untouched %d\n", r, errno == 0);
    printf("unknown clock: %d\n", clock_nanosleep(99, 0, &req, NULL));
    printf("thread CPU clock: %d\n", clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL));

    /* killpg: the group of a child that made its own. */
    pid_t child = fork();
    if (child == 0) {
        setpgid(0, 0);
        pause();
        _exit(0);
    }
    setpgid(child, child);
    r = killpg(child, SIGTERM);
    int status;
    waitpid(child, &status, 0);
    printf("killpg: %d, child killed by %d\n", r, WTERMSIG(status));
    errno = 0;
    r = killpg(-1, SIGTERM);
    printf("killpg(-1): %d errno %d\n", r, errno);
    return 0;
}
