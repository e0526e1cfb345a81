/*
 * system.c: system(3), popen(3) and pclose(3), which run a command line with /bin/sh -c
 * (Clonix's own shell, userland/bin/sh/). As in glibc, both start the shell with
 * posix_spawn, so a failure to start it is reported rather than left to a child.
 *
 * system waits for the shell; meanwhile, as POSIX requires, the caller ignores SIGINT and
 * SIGQUIT (the ^C at the terminal is for the command) and blocks SIGCHLD (so that a
 * SIGCHLD handler's wait cannot take the shell's status), and the shell starts with those
 * signals at their default and the caller's original mask.
 *
 * popen connects the caller to the shell by a pipe, read ("r": its standard output) or
 * written ("w": its standard input); the pid of each open stream's shell is kept in a list
 * for pclose, which closes the stream and waits for that shell. A shell started by popen
 * does not inherit the pipes of the streams popen opened before (POSIX requires it).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "lock.h"

#define SHELL_PATH "/bin/sh"

/*
 * Runs command with /bin/sh -c and returns its wait status (as waitpid gives it), the
 * status of exit(127) when the shell cannot be started, or -1 if it cannot be waited
 * for. system(NULL) says whether a shell is available: non-zero if "exit 0" runs.
 */
int system(const char *command)
{
    if (command == NULL) return system("exit 0") == 0;
    struct sigaction ignore, old_int, old_quit;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);
    sigset_t chld, old_mask, defaults;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old_mask);

    /* The shell gets SIG_DFL for what the caller did not ignore itself, and the caller's mask. */
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigemptyset(&defaults);
    if (old_int.sa_handler != SIG_IGN) sigaddset(&defaults, SIGINT);
    if (old_quit.sa_handler != SIG_IGN) sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &old_mask);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    char *argv[] = {"sh", "-c", (char *)command, NULL};
    pid_t pid;
    int status;
    if (posix_spawn(&pid, SHELL_PATH, NULL, &attr, argv, environ) == 0) {
        while (waitpid(pid, &status, 0) < 0) {
            if (errno != EINTR) {
                status = -1;
                break;
            }
        }
    } else {
        status = 127 << 8;
    }
    posix_spawnattr_destroy(&attr);
    int saved_errno = errno;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    errno = saved_errno;
    return status;
}

/* A stream popen opened, and the shell at its other end. */
struct popen_stream {
    FILE *stream;
    pid_t pid;
    struct popen_stream *next;
};

static struct popen_stream *popen_streams;
static volatile int popen_lock;   /* guards popen_streams */

/*
 * Runs command with /bin/sh -c, its standard output (mode "r") or input ("w") a pipe to
 * the stream returned; an 'e' in mode makes the caller's end close-on-exec.
 * NULL with errno: EINVAL for another mode, or what pipe2, posix_spawn or fdopen gave.
 */
FILE *popen(const char *command, const char *mode)
{
    /* glibc's parsing: any of r, w and e, in any order, with exactly one of r and w. */
    int reading = 0, writing = 0, cloexec = 0;
    for (const char *m = mode; *m; m++) {
        if (*m == 'r') reading = 1;
        else if (*m == 'w') writing = 1;
        else if (*m == 'e') cloexec = 1;
        else reading = writing = 1;
    }
    if (reading == writing) {
        errno = EINVAL;
        return NULL;
    }
    struct popen_stream *entry = malloc(sizeof *entry);
    if (entry == NULL) return NULL;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        free(entry);
        return NULL;
    }
    int ours = reading ? fds[0] : fds[1], theirs = reading ? fds[1] : fds[0];
    int target = reading ? STDOUT_FILENO : STDIN_FILENO;

    /* The child: its end of the pipe as target (dup2 clears close-on-exec; if the pipe
     * already is target, the action clears the flag instead), without the other streams. */
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    int error = posix_spawn_file_actions_adddup2(&actions, theirs, target);
    __lock(&popen_lock);
    for (struct popen_stream *s = popen_streams; s && error == 0; s = s->next) {
        int fd = fileno(s->stream);
        if (fd != target) error = posix_spawn_file_actions_addclose(&actions, fd);
    }
    char *argv[] = {"sh", "-c", (char *)command, NULL};
    pid_t pid;
    if (error == 0) error = posix_spawn(&pid, SHELL_PATH, &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(theirs);
    FILE *stream = NULL;
    if (error == 0 && (cloexec || fcntl(ours, F_SETFD, 0) == 0)) stream = fdopen(ours, reading ? "r" : "w");
    if (stream == NULL) {
        if (error == 0) {
            /* The shell runs already: it sees end of file or a broken pipe, and is reaped. */
            error = errno;
            close(ours);
            while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
        } else {
            close(ours);
        }
        __unlock(&popen_lock);
        free(entry);
        errno = error;
        return NULL;
    }
    entry->stream = stream;
    entry->pid = pid;
    entry->next = popen_streams;
    popen_streams = entry;
    __unlock(&popen_lock);
    return stream;
}

/*
 * Closes a stream popen returned and waits for its shell: the shell's wait status, or -1
 * with errno ECHILD if stream is not one of popen's (or the status cannot be had).
 */
int pclose(FILE *stream)
{
    struct popen_stream *entry = NULL;
    __lock(&popen_lock);
    for (struct popen_stream **link = &popen_streams; *link; link = &(*link)->next) {
        if ((*link)->stream == stream) {
            entry = *link;
            *link = entry->next;
            break;
        }
    }
    __unlock(&popen_lock);
    if (entry == NULL) {
        errno = ECHILD;
        return -1;
    }
    pid_t pid = entry->pid;
    free(entry);
    fclose(stream);
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}
