/* ITIMER_VIRTUAL and ITIMER_PROF: signals after CPU time, not wall time; a sleeping
   process's timers do not move; a fork child does not inherit them. */
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t vtalrm, prof;

static void on_vtalrm(int sig) { (void)sig; vtalrm++; }
static void on_prof(int sig) { (void)sig; prof++; }

/* Burns CPU until both handlers have run at least n times. */
static long burn_until(int n)
{
    volatile long spins = 0;
    while (vtalrm < n || prof < n) spins++;
    return spins;
}

static double seconds(const struct timeval *tv) { return tv->tv_sec + tv->tv_usec / 1e6; }

int main(void)
{
    signal(SIGVTALRM, on_vtalrm);
    signal(SIGPROF, on_prof);
    clock_t start = clock();
    struct itimerval it = {{0, 20000}, {0, 30000}}; /* 30 ms of CPU, then every 20 ms */
    printf("setitimer virtual %d prof %d\n", setitimer(ITIMER_VIRTUAL, &it, NULL), setitimer(ITIMER_PROF, &it, NULL));

    /* Sleeping uses no CPU: neither timer fires, and what is left does not move much. */
    struct timespec nap = {0, 100000000};
    nanosleep(&nap, NULL);
    struct itimerval left;
    getitimer(ITIMER_VIRTUAL, &left);
    printf("after sleeping: signals %d %d, virtual left over 20 ms %d\n", vtalrm, prof, seconds(&left.it_value) > 0.020);

    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        struct itimerval mine;
        getitimer(ITIMER_VIRTUAL, &mine);
        int v = timerisset(&mine.it_value) || timerisset(&mine.it_interval);
        getitimer(ITIMER_PROF, &mine);
        int p = timerisset(&mine.it_value) || timerisset(&mine.it_interval);
        printf("child inherits virtual %d prof %d\n", v, p);
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);

    burn_until(3);
    double used = (double)(clock() - start) / CLOCKS_PER_SEC;
    /* 30 + 20 + 20 ms; Linux samples user time at its ticks and a busy host makes it
       coarser still, so only more than two periods' worth is certain. */
    printf("three of each after %s CPU time\n", used >= 0.045 ? "more than 45 ms of" : "too little");

    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_VIRTUAL, &off, &left);
    printf("disarm: old interval %ld us\n", (long)left.it_interval.tv_usec);
    setitimer(ITIMER_PROF, &off, NULL);
    getitimer(ITIMER_PROF, &left);
    printf("prof now %d %d\n", timerisset(&left.it_value), timerisset(&left.it_interval));
    return 0;
}
