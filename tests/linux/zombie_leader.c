/*
 * A thread-group leader that exits while another thread runs: it stays a zombie (its pid
 * is the process's pid, so it cannot go) until the last thread ends the group.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

static void print_status_line(int pid, const char *key) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, key, strlen(key)) == 0) fputs(line, stdout);
    if (f) fclose(f);
}

static int leader_state(int pid) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", pid);
    FILE *f = fopen(path, "r");
    int state = '?';
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "State:", 6) == 0) state = line[7];
    if (f) fclose(f);
    return state;
}

static int survivor(void *arg) {
    int pid = *(int *) arg;
    while (leader_state(pid) != 'Z') usleep(1000);
    print_status_line(pid, "State:");
    print_status_line(pid, "Threads:");
    printf("the process is still alive: getpid() == leader: %d\n", getpid() == pid);
    exit(0); /* exit_group: the last thread ends the process */
}

int main(void) {
    static int pid;
    pid = getpid();
    char *stack = malloc(STACK_SIZE);
    clone(survivor, stack + STACK_SIZE,
          CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM, &pid);
    syscall(SYS_exit, 0); /* only this thread exits */
    return 1;
}
