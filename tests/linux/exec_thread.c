/*
 * execve from a thread that is not the group leader: every other thread is killed, the
 * exec'ing thread takes over the leader's pid, and the new program starts single-threaded.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)

static char **args;

static void print_status_line(const char *key) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, key, strlen(key)) == 0) fputs(line, stdout);
    if (f) fclose(f);
}

static int exec_again(void *arg) {
    char pid[16];
    snprintf(pid, sizeof pid, "%d", *(int *) arg);
    char *argv[] = {args[0], "after", pid, NULL};
    execv(args[0], argv);
    printf("execv failed\n");
    return 1;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "after") == 0) {
        printf("new program runs with the old pid: %d\n", atoi(argv[2]) == getpid());
        print_status_line("Threads:");
        return 0;
    }
    args = argv;
    int pid = getpid();
    char *stack = malloc(STACK_SIZE);
    printf("before exec: one thread clones another, which execs\n");
    fflush(stdout);
    clone(exec_again, stack + STACK_SIZE,
          CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM, &pid);
    for (;;) pause(); /* the exec kills this thread */
}
