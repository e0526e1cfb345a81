/*
 * race_ok_fork.c: a threaded parent forks; the child changes its copy of a global and exits;
 * the parent waits for it, then changes its own. Correct: fork and wait4 order everything
 * (and the two copies are different memory); no report.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int shared_value = 1;

static void *helper(void *arg)
{
    shared_value += 10;
    return arg;
}

int main(void)
{
    pthread_t t;
    int status;
    pthread_create(&t, 0, helper, 0);
    pthread_join(t, 0);
    pid_t pid = fork();
    if (pid == 0) {
        shared_value = 100;
        _exit(shared_value == 100 ? 0 : 1);
    }
    waitpid(pid, &status, 0);
    shared_value += 1;
    printf("child %d, value %d\n", WEXITSTATUS(status), shared_value);
    return 0;
}
