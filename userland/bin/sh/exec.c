/*
 * exec.c: what a command's process needs: redirections (undone afterwards for built-ins
 * and compound commands), here-documents, fork, exec with the PATH search, and wait.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "sh.h"

/* Puts back, last first, the n descriptors that redirect saved; returns 0. */
int restore_fds(struct saved_fd *saved, int n)
{
    while (n-- > 0) {
        if (saved[n].copy >= 0) {
            dup2(saved[n].copy, saved[n].fd);
            close(saved[n].copy);
        } else {
            close(saved[n].fd);
        }
    }
    return 0;
}

/* dash's wording for the errors of open and exec. */
const char *open_error(int err, int creating)
{
    if (err == ENOENT) return creating ? "Directory nonexistent" : "No such file";
    return strerror(err);
}

/*
 * A pipe whose reading end gives the here-document's body, expanded unless its delimiter was
 * quoted; -1 after a message. A body larger than a pipe is sure to hold is written by a
 * grandchild, which init reaps, so that the shell never blocks on its own pipe.
 */

static int heredoc(struct redir *r)
{
    char *body;
    if (r->quoted) {
        body = xstrdup(r->word);
    } else {
        struct expansion e = {0};
        expand_text(&e, r->word, r->word + strlen(r->word), 2);
        body = finish(&e, 0);
    }
    int fds[2];
    if (pipe(fds) < 0) {
        error("Pipe call failed");
        free(body);
        return -1;
    }
    size_t len = strlen(body);
    if (len <= PIPE_BUF) {
        write(fds[1], body, len);
    } else {
        pid_t pid = fork_child();
        if (pid == 0) {
            close(fds[0]);
            if (fork() == 0) {
                for (size_t done = 0; done < len;) {
                    ssize_t n = write(fds[1], body + done, len - done);
                    if (n <= 0) break;
                    done += (size_t)n;
                }
            }
            _exit(0);
        }
        if (pid > 0) waitpid(pid, NULL, 0);
    }
    close(fds[1]);
    free(body);
    return fds[0];
}

/*
 * Applies redirections in order. With saved non-NULL the replaced descriptors are kept
 * there (close-on-exec copies above 9) for restore_fds; *nsaved counts them. 0 on success,
 * else 2 after the message.
 */
int redirect(struct redir *r, struct saved_fd *saved, int *nsaved)
{
    for (; r; r = r->next) {
        if (r->op >= R_HEREDOC) {
            int fd = heredoc(r);
            if (fd < 0) return 2;
            if (saved && *nsaved < MAX_SAVED) {
                saved[*nsaved].fd = r->fd;
                saved[*nsaved].copy = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
                ++*nsaved;
            }
            if (fd != r->fd) {
                dup2(fd, r->fd);
                close(fd);
            }
            continue;
        }
        char *target = expand_single(r->word);
        int fd;
        if (r->op == R_DUPIN || r->op == R_DUPOUT) {
            if (strcmp(target, "-") == 0) {
                fd = -1;
            } else if (*target && strspn(target, "0123456789") == strlen(target)) {
                fd = atoi(target);
                if (fd == r->fd) {
                    free(target);
                    continue;
                }
                if (fcntl(fd, F_GETFD) < 0) {
                    error("%s: Bad file descriptor", target);
                    free(target);
                    return 2;
                }
            } else {
                error("Syntax error: Bad fd number");
                free(target);
                return 2;
            }
        } else {
            static const int flags[] = {
                [R_IN] = O_RDONLY, [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
                [R_APPEND] = O_WRONLY | O_CREAT | O_APPEND, [R_RDWR] = O_RDWR | O_CREAT,
            };
            fd = open(target, flags[r->op], 0666);
            if (fd < 0) {
                error("cannot %s %s: %s", r->op == R_IN ? "open" : "create", target, open_error(errno, r->op != R_IN));
                free(target);
                return 2;
            }
        }
        free(target);
        if (saved && *nsaved < MAX_SAVED) {
            int copy = fcntl(r->fd, F_DUPFD_CLOEXEC, 10);
            saved[*nsaved].fd = r->fd;
            saved[*nsaved].copy = copy;
            ++*nsaved;
        }
        if (fd < 0) {
            close(r->fd);
        } else if (fd != r->fd) {
            dup2(fd, r->fd);
            if (r->op != R_DUPIN && r->op != R_DUPOUT) close(fd);
        }
    }
    return 0;
}

/* The status of a waited-for child as $? shows it; a fatal signal other than SIGINT and
 * SIGPIPE is named on standard error, as dash does. */
int wait_for(pid_t pid)
{
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return 127;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    int sig = WTERMSIG(status);
    if (sig != SIGINT && sig != SIGPIPE) say(2, "%s\n", strsignal(sig));
    return 128 + sig;
}

/* fork(), after the message if it fails; the child is a shell that will exit (in_child), and
 * an interactive shell's child takes SIGINT and SIGQUIT by default again, as commands do. */
pid_t fork_child(void)
{
    pid_t pid = fork();
    if (pid < 0) error("Cannot fork");
    if (pid == 0) {
        in_child = 1;
        if (interactive) {
            signal(SIGINT, SIG_DFL);
            signal(SIGQUIT, SIG_DFL);
        }
    }
    return pid;
}

/* execve, and for a file that is not an executable (ENOEXEC), /bin/sh running it as a script. */
static void try_exec(const char *path, char **argv, char **envp)
{
    execve(path, argv, envp);
    if (errno != ENOEXEC) return;
    int argc = 0;
    while (argv[argc]) argc++;
    char **sh_argv = xmalloc((size_t)(argc + 2) * sizeof *sh_argv);
    sh_argv[0] = "sh";
    sh_argv[1] = (char *)path;
    for (int i = 1; i <= argc; i++) sh_argv[i + 1] = argv[i];
    execve("/bin/sh", sh_argv, envp);
    errno = ENOEXEC;
}

/* Runs argv[0], looked up in PATH unless it has a '/'; never returns (127 not found, 126 not runnable). */
void exec_command(char **argv)
{
    char **envp = make_environment();
    const char *name = argv[0];
    int err = ENOENT;
    if (strchr(name, '/')) {
        try_exec(name, argv, envp);
        err = errno;
    } else {
        const char *path = var_get("PATH");
        if (path == NULL) path = "/bin:/usr/bin";
        for (;;) {
            const char *colon = strchr(path, ':');
            size_t dir = colon ? (size_t)(colon - path) : strlen(path);
            char *full = xmalloc(dir + strlen(name) + 2);
            memcpy(full, path, dir);
            sprintf(full + dir, "%s%s", dir ? "/" : "", name);
            try_exec(full, argv, envp);
            free(full);
            if (errno != ENOENT && errno != ENOTDIR) err = errno;
            if (colon == NULL) break;
            path = colon + 1;
        }
    }
    if (err == ENOENT || err == ENOTDIR) {
        error("%s: not found", name);
        shell_exit(127);
    }
    error("%s: %s", name, err == EISDIR ? "Permission denied" : strerror(err));
    shell_exit(126);
}
