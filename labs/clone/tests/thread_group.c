/*
 * CLONE_THREAD: the child joins its creator's thread group. It has a tid of its own
 * (gettid, the number clone returns), but the group's pid (getpid) and the group's parent
 * (getppid), since a thread is nobody's child: no one can wait for it, not even the thread
 * that made it. When it ends, the kernel clears the word CLONE_CHILD_CLEARTID named and
 * wakes a futex waiter there, which is how pthread_join learns of it. A thread must share
 * the signal handlers, so CLONE_THREAD without CLONE_SIGHAND is refused with EINVAL, and
 * so, in turn, is CLONE_THREAD | CLONE_SIGHAND without CLONE_VM.
 *
 * Plain Linux C: gcc builds it unchanged and, on Linux, it prints exactly thread_group.expected.
 */
#include "clone_test.h"

/* What the thread saw, for the main thread to print. */
static struct {
    int pid, tid, ppid;
} seen;

static int thread(void *arg)
{
    (void)arg;
    seen.pid = getpid();
    seen.tid = syscall(SYS_gettid);
    seen.ppid = getppid();
    return 0;
}

static int nothing(void *arg)
{
    (void)arg;
    return 0;
}

/* Tries a clone the kernel must refuse; a child made all the same is reaped. */
static void refused(int flags, const char *what)
{
    errno = 0;
    int tid = spawn(nothing, flags, NULL);
    printf("%s: %s\n", what, tid < 0 ? strerror(errno) : "a task was made");
    if (tid > 0)
        waitpid(tid, NULL, __WALL);
}

int main(void)
{
    static volatile int tid_word;
    int main_tid = syscall(SYS_gettid);

    int tid = spawn_thread(thread, NULL, &tid_word);
    if (tid < 0) {
        printf("clone: %s\n", strerror(errno));
        return 1;
    }
    int ended = join_thread(&tid_word);
    printf("the thread has ended, and the kernel cleared its tid word: %s\n", yes(ended));
    printf("the thread's getpid() is the process's pid: %s\n", yes(seen.pid == getpid()));
    printf("the main thread's gettid() is the pid: %s\n", yes(main_tid == getpid()));
    printf("the thread's gettid() is what clone returned: %s\n", yes(seen.tid == tid));
    printf("the thread's gettid() is not the pid: %s\n", yes(seen.tid != seen.pid));
    printf("the thread's getppid() is the main thread's: %s\n", yes(seen.ppid == getppid()));
    errno = 0;
    int r = waitpid(tid, NULL, __WALL | WNOHANG);
    printf("waitpid for the thread: %d, %s\n", r, strerror(errno));

    refused(CLONE_VM | CLONE_THREAD, "CLONE_THREAD without CLONE_SIGHAND");
    refused(CLONE_SIGHAND | CLONE_THREAD, "CLONE_THREAD without CLONE_VM");
    return 0;
}
