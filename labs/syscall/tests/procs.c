/*
 * sysinfo's procs is the number of tasks, threads and zombies included (Linux's
 * nr_threads), which /proc/loadavg shows too, after the slash of its fourth field. The
 * program compares the two at start, with three more threads and two children running,
 * with one child a zombie (exited, not yet waited for), and after everything has ended.
 * To bear with tasks that come and go meanwhile on a busy Linux machine, it reads
 * /proc/loadavg before and after the call and tries again until the two agree. Each check
 * prints "ok: ..." or "FAIL: ..." and its figures.
 *
 * Linux is the reference: gcc -pthread procs.c && ./a.out prints the same bytes.
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREADS 3

static int gate[2]; /* the threads and the first child wait for it to be closed */

/* The task count of /proc/loadavg ("0.00 0.00 0.00 1/5 7": 5), or -1. */
static int loadavg_tasks(void) {
    char buf[128];
    int fd = open("/proc/loadavg", O_RDONLY);
    long n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0) close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    char *slash = strchr(buf, '/');
    return slash == NULL ? -1 : atoi(slash + 1);
}

static void compare(const char *when) {
    for (int attempt = 0; attempt < 100; attempt++) {
        int before = loadavg_tasks();
        struct sysinfo si;
        if (sysinfo(&si) != 0) {
            perror("FAIL: sysinfo");
            exit(1);
        }
        int after = loadavg_tasks();
        if (before != after) continue;
        if (si.procs == (unsigned short) before) printf("ok: %s: procs is /proc/loadavg's task count\n", when);
        else printf("FAIL: %s: procs is %u, /proc/loadavg counts %d tasks\n", when, si.procs, before);
        return;
    }
    printf("FAIL: %s: /proc/loadavg never held still\n", when);
}

static void *wait_at_gate(void *arg) {
    char c;
    (void) arg;
    read(gate[0], &c, 1);
    return NULL;
}

int main(void) {
    compare("at start");
    pipe(gate);
    pthread_t threads[THREADS];
    for (int i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, wait_at_gate, NULL);
    pid_t waiting = fork();
    if (waiting == 0) {
        close(gate[1]);
        wait_at_gate(NULL);
        _exit(0);
    }
    int done[2];
    pipe(done);
    pid_t zombie = fork();
    if (zombie == 0) _exit(0);
    compare("with three threads and two children");
    /* The zombie's exit is seen when it closes its end of done: read returns 0 (EOF). */
    close(done[1]);
    char c;
    read(done[0], &c, 1);
    usleep(10000);
    compare("with a zombie");
    waitpid(zombie, NULL, 0);
    close(gate[1]);
    for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
    waitpid(waiting, NULL, 0);
    compare("after joining and waiting");
    return 0;
}
