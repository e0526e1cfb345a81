/*
 * How a thread group ends, seen from its parent, each time with a new process:
 *  1. exit_group (what exit() and a return from main call) in a thread that is not the
 *     leader ends every thread of the group, the leader too, asleep or not; the parent
 *     gets one SIGCHLD and the status the caller gave.
 *  2. A return from main ends the process even though another thread is blocked.
 *  3. A thread's own end (the exit system call, not exit_group) is reported to nobody.
 *  4. When the leader alone exits, the process lives on: the leader stays a zombie that
 *     wait cannot reap until the group's last thread has gone. If no thread called
 *     exit_group, the status is the leader's own.
 * Each process is waited for at most two seconds, then killed, so that a kernel that gets
 * it wrong makes this program print a wrong line, not hang.
 *
 * Plain Linux C: gcc builds it unchanged and, on Linux, it prints exactly group_exit.expected.
 */
#include "clone_test.h"

static volatile sig_atomic_t sigchld;
static int to_parent[2], to_child[2];   /* pipes between the parent and its child process */

static void on_chld(int sig)
{
    (void)sig;
    sigchld++;
}

/* Blocks until the parent writes a byte to to_child (or the pipe fails). */
static void wait_for_parent(void)
{
    char c;
    read(to_child[0], &c, 1);
}

/* Sleeps for five seconds on a futex word nobody wakes: longer than reap waits. */
static int sleeper(void *arg)
{
    static int never;
    struct timespec five_seconds = {5, 0};
    (void)arg;
    syscall(SYS_futex, &never, FUTEX_WAIT, 0, &five_seconds, NULL, 0);
    return 0;
}

/* Ends the whole group with status 7. */
static int group_exiter(void *arg)
{
    (void)arg;
    syscall(SYS_exit_group, 7);
    return 1;
}

/* Ends itself only, with status 9. */
static int thread_exiter(void *arg)
{
    (void)arg;
    syscall(SYS_exit, 9);
    return 1;
}

/* Waits for the leader (whose tid word arg is) to exit, tells the parent, waits, exits alone. */
static int survivor(void *arg)
{
    join_thread(arg);
    write(to_parent[1], "z", 1);
    wait_for_parent();
    syscall(SYS_exit, 3);
    return 1;
}

/* Waits up to two seconds for process pid, then kills it; prints how it ended. */
static void reap(int pid, const char *what)
{
    int status = 0, r = 0;
    for (int i = 0; i < 200 && r == 0; i++) {
        r = waitpid(pid, &status, WNOHANG);
        if (r == 0)
            usleep(10000);
    }
    if (r == 0) {
        printf("%s: the process is still running after two seconds\n", what);
        kill(pid, SIGKILL);
        r = waitpid(pid, &status, 0);
    }
    if (r != pid)
        printf("%s: waitpid: %s\n", what, strerror(errno));
    else if (WIFEXITED(status))
        printf("%s: the process exited with status %d\n", what, WEXITSTATUS(status));
    else
        printf("%s: the process was killed by signal %d\n", what, WTERMSIG(status));
}

/* 1: the leader and a thread sleep while another thread calls exit_group(7). */
static void exit_group_from_a_thread(void)
{
    static volatile int tid_word;
    sigchld = 0;
    fflush(stdout); /* or the child's exit would print the parent's buffered lines again */
    int pid = fork();
    if (pid == 0) {
        spawn_thread(sleeper, NULL, &tid_word);
        spawn_thread(group_exiter, NULL, &tid_word);
        pause();
        _exit(1);
    }
    reap(pid, "exit_group from a thread");
    printf("exit_group from a thread: SIGCHLD signals: %d\n", (int)sigchld);
}

/* 2: main returns 4 while a thread sleeps. */
static void return_from_main(void)
{
    static volatile int tid_word;
    sigchld = 0;
    fflush(stdout);
    int pid = fork();
    if (pid == 0) {
        spawn_thread(sleeper, NULL, &tid_word);
        exit(4);
    }
    reap(pid, "return from main");
    printf("return from main: SIGCHLD signals: %d\n", (int)sigchld);
}

/* 3: a thread exits alone; the parent hears nothing until the process exits with status 0. */
static void a_thread_exits(void)
{
    static volatile int tid_word;
    char c = 0;
    sigchld = 0;
    fflush(stdout);
    int pid = fork();
    if (pid == 0) {
        spawn_thread(thread_exiter, NULL, &tid_word);
        int ended = join_thread(&tid_word);
        write(to_parent[1], ended ? "t" : "?", 1);
        wait_for_parent();
        exit(0);
    }
    read(to_parent[0], &c, 1);
    printf("a thread exits: the thread has gone: %s\n", yes(c == 't'));
    printf("a thread exits: SIGCHLD signals: %d\n", (int)sigchld);
    printf("a thread exits: waitpid(WNOHANG | __WALL) returns %d\n", waitpid(-1, NULL, WNOHANG | __WALL));
    write(to_child[1], "x", 1);
    reap(pid, "a thread exits");
    printf("a thread exits: SIGCHLD signals: %d\n", (int)sigchld);
}

/* 4: the leader exits alone with status 5; a thread exits alone with 3 when told to. */
static void the_leader_exits(void)
{
    static volatile int leader_word = 1, tid_word;
    char c = 0;
    sigchld = 0;
    fflush(stdout);
    int pid = fork();
    if (pid == 0) {
        syscall(SYS_set_tid_address, &leader_word);
        spawn_thread(survivor, (void *)&leader_word, &tid_word);
        syscall(SYS_exit, 5);
    }
    read(to_parent[0], &c, 1);
    printf("the leader exits: SIGCHLD signals: %d\n", (int)sigchld);
    printf("the leader exits: the process can be reaped: %s\n", yes(waitpid(pid, NULL, WNOHANG) != 0));
    write(to_child[1], "x", 1);
    reap(pid, "the leader exits");
    printf("the leader exits: SIGCHLD signals: %d\n", (int)sigchld);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_chld;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    pipe(to_parent);
    pipe(to_child);

    exit_group_from_a_thread();
    return_from_main();
    a_thread_exits();
    the_leader_exits();
    return 0;
}
