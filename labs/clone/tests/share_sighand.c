/*
 * CLONE_SIGHAND: the child shares its parent's table of signal actions (Linux's
 * sighand_struct). A handler the child installs, or a signal it ignores, is installed or
 * ignored for the parent too. Without CLONE_SIGHAND the child changes its own copy. The
 * mask of blocked signals is not in the table: it is each task's own, shared or not. And
 * because a handler is an address in the parent's program, CLONE_SIGHAND without CLONE_VM
 * is refused with EINVAL, and creates nothing.
 *
 * Plain Linux C: gcc builds it unchanged and, on Linux, it prints exactly share_sighand.expected.
 */
#include "clone_test.h"

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
    caught = sig;
}

/* The child: catches SIGUSR1 with on_usr1, ignores SIGUSR2, blocks SIGUSR1 (in its own mask). */
static int child(void *arg)
{
    struct sigaction sa;
    sigset_t set;
    (void)arg;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    signal(SIGUSR2, SIG_IGN);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    return 0;
}

static const char *action(int sig)
{
    struct sigaction old;
    sigaction(sig, NULL, &old);
    if (old.sa_handler == SIG_DFL)
        return "default";
    if (old.sa_handler == SIG_IGN)
        return "ignored";
    return old.sa_handler == on_usr1 ? "caught by the child's handler" : "caught by another handler";
}

static void try(int flags, const char *what)
{
    sigset_t blocked;
    int status;

    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
    if (run_child(what, child, flags, &status) < 0)
        return;
    printf("%s: the child exited with status %d\n", what, WEXITSTATUS(status));
    printf("%s: for the parent, SIGUSR1 is %s\n", what, action(SIGUSR1));
    printf("%s: for the parent, SIGUSR2 is %s\n", what, action(SIGUSR2));
    sigprocmask(SIG_BLOCK, NULL, &blocked);
    printf("%s: the parent blocks SIGUSR1: %s\n", what, yes(sigismember(&blocked, SIGUSR1)));
    if (action(SIGUSR1)[0] == 'c') {
        caught = 0;
        raise(SIGUSR1);
        printf("%s: raise(SIGUSR1) ran the handler in the parent: %s\n", what, yes(caught == SIGUSR1));
    }
}

int main(void)
{
    try(SIGCHLD | CLONE_VM | CLONE_SIGHAND, "with CLONE_SIGHAND");
    try(SIGCHLD | CLONE_VM, "without CLONE_SIGHAND");

    errno = 0;
    int pid = spawn(child, SIGCHLD | CLONE_SIGHAND, NULL);
    printf("CLONE_SIGHAND without CLONE_VM: clone returns %d, %s\n", pid < 0 ? pid : 0,
           pid < 0 ? strerror(errno) : "a child");
    if (pid > 0)
        waitpid(pid, NULL, 0);
    printf("after the refused clone, the parent has no child: %s\n", yes(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD));
    return 0;
}
