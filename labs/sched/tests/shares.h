/*
 * shares.h: the machinery of the sched lab's tests. A test describes a few CPU-bound tasks
 * (their CPU, their nice value in each window of virtual time, and how they join), and
 * run_windows() starts them, lets them spin through consecutive windows, and checks that in
 * every window each task had the share of its CPU that its nice value gives it: its weight
 * (Linux's sched_prio_to_weight) over the sum of the weights of the tasks running on that
 * CPU in that window, within 20% of it (plus 0.2% of the CPU, for the tiny shares).
 * Shares are computed in hundredths of a percent: the Clonix C compiler has no floating point.
 *
 * Each task measures itself: it spins reading CLOCK_MONOTONIC and notes its own CPU time
 * (CLOCK_THREAD_CPUTIME_ID) as each window boundary passes, then sends the figures to the
 * parent through a pipe. The parent sleeps, except at the boundaries, where it changes nice
 * values with setpriority. A late-comer is forked by the first task, which is spinning when
 * it does so. Everything runs pinned to the test's CPUs with sched_setaffinity, so the other
 * CPUs and the load balancer stay out of it.
 *
 * It prints one line per task and window, "ok: ..." or "FAIL: ..." with the figures; the
 * ok lines are the same whatever the seed or the number of CPUs, so the .expected file
 * holds them. The tests also build with gcc, and Linux's fair scheduler shares a CPU by the
 * same weights: there, give a scale (e.g. 50) as the first argument, since Linux's slices
 * are milliseconds rather than Clonix's 40 us, and run them on an otherwise idle machine.
 * starvation's check of every window may still fail on Linux, whose EEVDF runs a nice-19
 * task seldom but for a whole slice of milliseconds at a time.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TASKS 6
#define MAX_WINDOWS 3
/* The CPU of a task: its number, or LAST_CPU for the highest CPU of the machine. */
#define LAST_CPU (-1)

/*
 * How a task joins: spinning from the start, asleep until a window, or forked at the start of
 * a window by the first task (which must run from the start, on the same CPU).
 */
enum join { FROM_START, SLEEPS, FORKED };

struct task {
    const char *name;
    int cpu;
    int nice[MAX_WINDOWS];   /* its nice value in each window */
    enum join join;
    int from;                /* the first window it runs in (0 for FROM_START) */
    int must_run;            /* 1: having no CPU at all in a window is a failure however small the share */
};

/* Linux's sched_prio_to_weight, indexed by nice + 20. */
static const int weights[40] = {
    88761, 71755, 56483, 46273, 36291, 29154, 23254, 18705, 14949, 11916,
    9548, 7620, 6100, 4904, 3906, 3121, 2501, 1991, 1586, 1277,
    1024, 820, 655, 526, 423, 335, 272, 215, 172, 137,
    110, 87, 70, 56, 45, 36, 29, 23, 18, 15,
};

/* What a task sends back: its CPU time (ns) as each boundary passed. */
struct report {
    int id;
    long cpu[MAX_WINDOWS + 1];
};

static long now_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static void sleep_until(long deadline)
{
    for (;;) {
        long left = deadline - now_ns(CLOCK_MONOTONIC);
        if (left <= 0) return;
        struct timespec ts = {left / 1000000000L, left % 1000000000L};
        nanosleep(&ts, 0);
    }
}

static void pin(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof set, &set) < 0) {
        perror("sched_setaffinity");
        exit(2);
    }
}

/* The highest CPU this process may use. */
static int last_cpu(void)
{
    cpu_set_t set;
    int last = 0;
    if (sched_getaffinity(0, sizeof set, &set) < 0) return 0;
    for (int i = 0; i < 64; i++)
        if (CPU_ISSET(i, &set)) last = i;
    return last;
}

/* The run: the tasks, their number, the windows' boundaries, the last CPU and the pipe's write end. */
static const struct task *task_list;
static int ntasks, windows, last;
static long bounds[MAX_WINDOWS + 1];
static int report_fd;

/* The CPU task t runs on. */
static int cpu_of(const struct task *t)
{
    return t->cpu == LAST_CPU ? last : t->cpu;
}

static pid_t start_task(int id);

/*
 * The life of task id: spin from window `from` to the end, noting its CPU time at each
 * boundary; the first task also forks the late-comers as their windows begin.
 */
static void task_main(int id)
{
    const struct task *t = &task_list[id];
    struct report r;
    pin(cpu_of(t));
    setpriority(PRIO_PROCESS, 0, t->nice[t->from]);
    if (t->join == SLEEPS) sleep_until(bounds[t->from]);
    r.id = id;
    for (int k = 0; k <= t->from; k++) r.cpu[k] = 0;
    int next = t->from;
    while (next <= windows) {
        if (now_ns(CLOCK_MONOTONIC) >= bounds[next]) {
            long cpu_now = now_ns(CLOCK_THREAD_CPUTIME_ID);
            if (next == t->from)
                for (int k = 0; k <= t->from; k++) r.cpu[k] = cpu_now;
            else
                r.cpu[next] = cpu_now;
            if (id == 0)
                for (int i = 1; i < ntasks; i++)
                    if (task_list[i].join == FORKED && task_list[i].from == next) start_task(i);
            next++;
        }
    }
    if (write(report_fd, &r, sizeof r) != sizeof r) exit(3);
    while (wait(0) > 0) {
    }
    exit(0);
}

static pid_t start_task(int id)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) task_main(id);
    return pid;
}

/* Checks window k's shares; returns the number of failures. */
static int check_window(int k, long used[][MAX_WINDOWS])
{
    int failures = 0;
    for (int i = 0; i < ntasks; i++) {
        if (k < task_list[i].from) continue;
        long total = 0, weight_sum = 0;
        for (int j = 0; j < ntasks; j++) {
            if (k < task_list[j].from || cpu_of(&task_list[j]) != cpu_of(&task_list[i])) continue;
            total += used[j][k];
            weight_sum += weights[task_list[j].nice[k] + 20];
        }
        long want = weights[task_list[i].nice[k] + 20] * 10000L / weight_sum; /* in hundredths of a percent */
        long got = total > 0 ? used[i][k] * 10000L / total : 0;
        long diff = got > want ? got - want : want - got;
        const char *when = windows == 1 ? "" : k == 0 ? " in the first window" : k == 1 ? " in the second window" : " in the third window";
        if (5 * diff <= want + 100 && (!task_list[i].must_run || used[i][k] > 0)) {
            printf("ok: %s (nice %d) had its share of its CPU%s\n", task_list[i].name, task_list[i].nice[k], when);
        } else {
            printf("FAIL: %s (nice %d) had %ld.%02ld%% of its CPU%s, %ld.%02ld%% expected (%ld of %ld us)\n", task_list[i].name,
                   task_list[i].nice[k], got / 100, got % 100, when, want / 100, want % 100, used[i][k] / 1000, total / 1000);
            failures++;
        }
    }
    return failures;
}

/*
 * Runs the_tasks[0..n) through `nwindows` windows of window_ms milliseconds of virtual time
 * (times the scale in argv[1], if any) and prints the verdicts; returns main's status.
 */
static int run_windows(const struct task *the_tasks, int n, int nwindows, long window_ms, int argc, char **argv)
{
    long scale = argc > 1 ? atol(argv[1]) : 1;
    if (scale < 1) scale = 1;
    task_list = the_tasks;
    ntasks = n;
    windows = nwindows;
    last = last_cpu();
    pin(0);
    setvbuf(stdout, 0, _IONBF, 0);
    int fds[2];
    if (pipe(fds) < 0) {
        perror("pipe");
        return 2;
    }
    report_fd = fds[1];
    bounds[0] = now_ns(CLOCK_MONOTONIC) + 2000000L * scale; /* time for the children to start */
    for (int k = 1; k <= windows; k++) bounds[k] = bounds[k - 1] + window_ms * 1000000L * scale;
    pid_t pids[MAX_TASKS];
    for (int i = 0; i < n; i++) pids[i] = task_list[i].join == FORKED ? 0 : start_task(i);
    if (now_ns(CLOCK_MONOTONIC) >= bounds[0]) printf("FAIL: the tasks took too long to start\n");
    for (int k = 1; k < windows; k++) {
        sleep_until(bounds[k]);
        for (int i = 0; i < n; i++)
            if (pids[i] && k > task_list[i].from && task_list[i].nice[k] != task_list[i].nice[k - 1])
                setpriority(PRIO_PROCESS, pids[i], task_list[i].nice[k]);
    }
    close(fds[1]);
    long used[MAX_TASKS][MAX_WINDOWS];
    struct report r;
    int reports = 0;
    while (read(fds[0], &r, sizeof r) == sizeof r) {
        for (int k = 0; k < windows; k++) used[r.id][k] = r.cpu[k + 1] - r.cpu[k];
        reports++;
    }
    while (wait(0) > 0) {
    }
    if (reports != n) {
        printf("FAIL: %d of %d tasks reported\n", reports, n);
        return 1;
    }
    int failures = 0;
    for (int k = 0; k < windows; k++) failures += check_window(k, used);
    return failures ? 1 : 0;
}
