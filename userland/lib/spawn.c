/*
 * spawn.c: posix_spawn(3) and posix_spawnp(3), as glibc does them on Linux.
 *
 * The child is made by clone(CLONE_VM | CLONE_VFORK) on a stack of its own: it shares the
 * parent's memory, and the parent sleeps until it has called execve or exited. So the
 * child can report why it failed (a file action or the exec itself) by storing errno in
 * the parent's struct spawn_args, and posix_spawn returns that error, after reaping the
 * child, instead of leaving a child that exits with 127. All signals are blocked around
 * the clone: a handler of the parent must never run in the child, on the parent's memory.
 * The child, in glibc's order:
 *   1. resets to SIG_DFL every caught signal, and those of POSIX_SPAWN_SETSIGDEF;
 *   2. POSIX_SPAWN_SETSCHEDULER / SETSCHEDPARAM, SETSID, SETPGROUP, RESETIDS;
 *   3. the file actions, in the order they were added;
 *   4. the signal mask: the attribute's with POSIX_SPAWN_SETSIGMASK, else the parent's;
 *   5. execve (posix_spawn) or the PATH search of execvpe (posix_spawnp).
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

enum { SPAWN_OPEN, SPAWN_CLOSE, SPAWN_DUP2, SPAWN_CHDIR, SPAWN_FCHDIR };

/* One file action: what the child does with its descriptors before the exec. */
struct __spawn_action {
    int tag;
    int fd, newfd;        /* open: fd; close: fd; dup2: fd to newfd; fchdir: fd */
    char *path;           /* open and chdir: a copy of the caller's path */
    int oflag;
    mode_t mode;
};

#define SPAWN_STACK_SIZE (64 * 1024)
#define SPAWN_FLAGS_ALL 0xff

/* What the parent hands the child, and the child's error, if any, back. */
struct spawn_args {
    const char *file;
    const posix_spawn_file_actions_t *actions;
    const posix_spawnattr_t *attr;
    char *const *argv;
    char *const *envp;
    int use_path;
    sigset_t parent_mask;
    volatile int error;
};

/* A descriptor a file action may name: glibc checks it against RLIMIT_NOFILE. */
static int valid_fd(int fd)
{
    struct rlimit rl;
    if (fd < 0) return 0;
    return getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY || (rlim_t)fd < rl.rlim_cur;
}

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *actions)
{
    memset(actions, 0, sizeof *actions);
    return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *actions)
{
    for (int i = 0; i < actions->__used; i++) free(actions->__actions[i].path);
    free(actions->__actions);
    memset(actions, 0, sizeof *actions);
    return 0;
}

/* A new slot at the end of the list; NULL when memory is short. */
static struct __spawn_action *add_action(posix_spawn_file_actions_t *actions, int tag)
{
    if (actions->__used == actions->__allocated) {
        int n = actions->__allocated ? actions->__allocated * 2 : 8;
        struct __spawn_action *a = realloc(actions->__actions, (size_t)n * sizeof *a);
        if (a == NULL) return NULL;
        actions->__actions = a;
        actions->__allocated = n;
    }
    struct __spawn_action *a = &actions->__actions[actions->__used++];
    memset(a, 0, sizeof *a);
    a->tag = tag;
    return a;
}

/* The child will open path with oflag and mode as descriptor fd. EBADF, ENOMEM. */
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *actions, int fd, const char *path, int oflag, mode_t mode)
{
    if (!valid_fd(fd)) return EBADF;
    char *copy = strdup(path);
    if (copy == NULL) return ENOMEM;
    struct __spawn_action *a = add_action(actions, SPAWN_OPEN);
    if (a == NULL) {
        free(copy);
        return ENOMEM;
    }
    a->fd = fd;
    a->path = copy;
    a->oflag = oflag;
    a->mode = mode;
    return 0;
}

/* The child will close fd. EBADF, ENOMEM. */
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *actions, int fd)
{
    if (!valid_fd(fd)) return EBADF;
    struct __spawn_action *a = add_action(actions, SPAWN_CLOSE);
    if (a == NULL) return ENOMEM;
    a->fd = fd;
    return 0;
}

/* The child will dup2(fd, newfd); with fd == newfd it clears FD_CLOEXEC instead, as glibc does. */
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *actions, int fd, int newfd)
{
    if (!valid_fd(fd) || !valid_fd(newfd)) return EBADF;
    struct __spawn_action *a = add_action(actions, SPAWN_DUP2);
    if (a == NULL) return ENOMEM;
    a->fd = fd;
    a->newfd = newfd;
    return 0;
}

/* The child will chdir(path) (a GNU extension). ENOMEM. */
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path)
{
    char *copy = strdup(path);
    if (copy == NULL) return ENOMEM;
    struct __spawn_action *a = add_action(actions, SPAWN_CHDIR);
    if (a == NULL) {
        free(copy);
        return ENOMEM;
    }
    a->path = copy;
    return 0;
}

/* The child will fchdir(fd) (a GNU extension). EBADF, ENOMEM. */
int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *actions, int fd)
{
    if (!valid_fd(fd)) return EBADF;
    struct __spawn_action *a = add_action(actions, SPAWN_FCHDIR);
    if (a == NULL) return ENOMEM;
    a->fd = fd;
    return 0;
}

int posix_spawnattr_init(posix_spawnattr_t *attr)
{
    memset(attr, 0, sizeof *attr);
    return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
    (void)attr;
    return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t *attr, short *flags)
{
    *flags = attr->__flags;
    return 0;
}

/* EINVAL for a bit that is not one of the POSIX_SPAWN_* flags. */
int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
    if (flags & ~SPAWN_FLAGS_ALL) return EINVAL;
    attr->__flags = flags;
    return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *attr, pid_t *pgroup)
{
    *pgroup = attr->__pgrp;
    return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgroup)
{
    attr->__pgrp = pgroup;
    return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *attr, sigset_t *sigdefault)
{
    *sigdefault = attr->__sd;
    return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *attr, const sigset_t *sigdefault)
{
    attr->__sd = *sigdefault;
    return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *attr, sigset_t *sigmask)
{
    *sigmask = attr->__ss;
    return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *attr, const sigset_t *sigmask)
{
    attr->__ss = *sigmask;
    return 0;
}

int posix_spawnattr_getschedpolicy(const posix_spawnattr_t *attr, int *policy)
{
    *policy = attr->__policy;
    return 0;
}

int posix_spawnattr_setschedpolicy(posix_spawnattr_t *attr, int policy)
{
    attr->__policy = policy;
    return 0;
}

int posix_spawnattr_getschedparam(const posix_spawnattr_t *attr, struct sched_param *param)
{
    *param = attr->__sp;
    return 0;
}

int posix_spawnattr_setschedparam(posix_spawnattr_t *attr, const struct sched_param *param)
{
    attr->__sp = *param;
    return 0;
}

/* Steps 1 and 2 of the child: signal dispositions and the attributes; -1 with errno on failure. */
static int apply_attributes(const posix_spawnattr_t *attr)
{
    short flags = attr ? attr->__flags : 0;
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < _NSIG; sig++) {
        struct sigaction old;
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        if ((flags & POSIX_SPAWN_SETSIGDEF) && sigismember(&attr->__sd, sig)) {
            sigaction(sig, &dfl, NULL);
        } else if (sigaction(sig, NULL, &old) == 0 && old.sa_handler != SIG_IGN && old.sa_handler != SIG_DFL) {
            sigaction(sig, &dfl, NULL);
        }
    }
    if ((flags & POSIX_SPAWN_SETSCHEDULER) && sched_setscheduler(0, attr->__policy, &attr->__sp) < 0) return -1;
    if ((flags & (POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER)) == POSIX_SPAWN_SETSCHEDPARAM
        && sched_setparam(0, &attr->__sp) < 0) return -1;
    if ((flags & POSIX_SPAWN_SETSID) && setsid() < 0) return -1;
    if ((flags & POSIX_SPAWN_SETPGROUP) && setpgid(0, attr->__pgrp) < 0) return -1;
    if ((flags & POSIX_SPAWN_RESETIDS) && (setegid(getgid()) < 0 || seteuid(getuid()) < 0)) return -1;
    return 0;
}

/* Step 3 of the child: the file actions in order; -1 with errno on the first that fails. */
static int apply_file_actions(const posix_spawn_file_actions_t *actions)
{
    for (int i = 0; actions && i < actions->__used; i++) {
        const struct __spawn_action *a = &actions->__actions[i];
        switch (a->tag) {
        case SPAWN_OPEN: {
            int fd = open(a->path, a->oflag, a->mode);
            if (fd < 0) return -1;
            if (fd != a->fd) {
                if (dup2(fd, a->fd) < 0) return -1;
                close(fd);
            }
            break;
        }
        case SPAWN_CLOSE:
            /* Closing a descriptor that is not open is not an error (POSIX 2008 TC2, glibc). */
            if (close(a->fd) < 0 && errno != EBADF) return -1;
            break;
        case SPAWN_DUP2:
            if (a->fd == a->newfd) {
                int fl = fcntl(a->fd, F_GETFD);
                if (fl < 0 || fcntl(a->fd, F_SETFD, fl & ~FD_CLOEXEC) < 0) return -1;
            } else if (dup2(a->fd, a->newfd) < 0) {
                return -1;
            }
            break;
        case SPAWN_CHDIR:
            if (chdir(a->path) < 0) return -1;
            break;
        case SPAWN_FCHDIR:
            if (fchdir(a->fd) < 0) return -1;
            break;
        }
    }
    return 0;
}

/* The child: runs on its own stack in the parent's memory; returns only to report failure. */
static int spawn_child(void *p)
{
    struct spawn_args *args = p;
    const posix_spawnattr_t *attr = args->attr;
    if (apply_attributes(attr) == 0 && apply_file_actions(args->actions) == 0) {
        int set_mask = attr && (attr->__flags & POSIX_SPAWN_SETSIGMASK);
        sigprocmask(SIG_SETMASK, set_mask ? &attr->__ss : &args->parent_mask, NULL);
        if (args->use_path) execvpe(args->file, args->argv, args->envp);
        else execve(args->file, args->argv, args->envp);
    }
    args->error = errno;
    _exit(127);
}

/* posix_spawn and posix_spawnp: the error number of the failure, or 0 with the child's pid in *pid. */
static int spawn(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions,
                 const posix_spawnattr_t *attr, char *const argv[], char *const envp[], int use_path)
{
    struct spawn_args args;
    int saved_errno = errno;
    sigset_t all;
    args.file = file;
    args.actions = actions;
    args.attr = attr;
    args.argv = argv;
    args.envp = envp;
    args.use_path = use_path;
    args.error = 0;
    char *stack = malloc(SPAWN_STACK_SIZE);
    if (stack == NULL) return ENOMEM;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &args.parent_mask);
    int tid = clone(spawn_child, stack + SPAWN_STACK_SIZE, CLONE_VM | CLONE_VFORK | SIGCHLD, &args);
    int error = tid < 0 ? errno : args.error;
    if (tid > 0 && error != 0) {
        while (waitpid(tid, NULL, 0) < 0 && errno == EINTR) {}
    }
    if (error == 0 && pid != NULL) *pid = tid;
    sigprocmask(SIG_SETMASK, &args.parent_mask, NULL);
    free(stack);
    errno = saved_errno;
    return error;
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *file_actions,
                const posix_spawnattr_t *attrp, char *const argv[], char *const envp[])
{
    return spawn(pid, path, file_actions, attrp, argv, envp, 0);
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *file_actions,
                 const posix_spawnattr_t *attrp, char *const argv[], char *const envp[])
{
    return spawn(pid, file, file_actions, attrp, argv, envp, 1);
}
