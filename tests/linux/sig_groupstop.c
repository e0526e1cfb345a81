/*
 * A stop signal stops the whole thread group: waitpid reports the child stopped only when
 * every thread has stopped, and /proc shows each thread in state T; SIGCONT makes them all
 * run again.
 */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int fds[2];

static void *spin(void *arg) {
    (void) arg;
    int tid = (int) syscall(SYS_gettid);
    write(fds[1], &tid, sizeof tid);
    for (;;) sched_yield();
    return NULL;
}

/* The state letter of thread tid of process pid, from /proc/pid/task/tid/stat. */
static char state_of(int pid, int tid) {
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/task/%d/stat", pid, tid);
    FILE *f = fopen(path, "r");
    if (!f) return '?';
    char c = '?';
    if (fgets(buf, sizeof buf, f)) {
        char *p = buf;
        while (*p && *p != ')') p++;
        if (*p) c = p[2];
    }
    fclose(f);
    return c;
}

int main(void) {
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        pthread_t t;
        pthread_create(&t, NULL, spin, NULL);
        for (;;) sched_yield();
    }
    int tid;
    read(fds[0], &tid, sizeof tid);
    int status;
    kill(pid, SIGSTOP);
    waitpid(pid, &status, WUNTRACED);
    printf("stopped by %d: main %c, thread %c\n", WSTOPSIG(status), state_of(pid, pid), state_of(pid, tid));
    kill(pid, SIGCONT);
    waitpid(pid, &status, WCONTINUED);
    printf("continued %d: main %c, thread %c\n", WIFCONTINUED(status), state_of(pid, pid), state_of(pid, tid));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    printf("killed by %d\n", WTERMSIG(status));
    return 0;
}
