#define _GNU_SOURCE
/*
 * posix_spawn and posix_spawnp: arguments and environment, file actions (open, dup2, close,
 * in order), attributes (process group, session, signal mask and defaults), and the errors:
 * an exec or a file action that fails is returned as an error number with no child left
 * behind; bad descriptors in file actions and bad flags are refused. The program spawns
 * itself with "report" to show what the child got.
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

extern char **environ;

/* The child's side: what posix_spawn set up for it. */
static int report(int argc, char **argv)
{
    sigset_t mask;
    struct sigaction sa;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    printf("  child: argc %d, argv[2] \"%s\", SPAWN_TEST=%s\n", argc, argc > 2 ? argv[2] : "",
           getenv("SPAWN_TEST") ? getenv("SPAWN_TEST") : "(unset)");
    printf("  child: own process group %s, own session %s\n", getpgid(0) == getpid() ? "yes" : "no",
           getsid(0) == getpid() ? "yes" : "no");
    printf("  child: SIGUSR1 blocked %s", sigismember(&mask, SIGUSR1) ? "yes" : "no");
    sigaction(SIGUSR2, NULL, &sa);
    printf(", SIGUSR2 %s", sa.sa_handler == SIG_IGN ? "ignored" : "default");
    sigaction(SIGTERM, NULL, &sa);
    printf(", SIGTERM %s\n", sa.sa_handler == SIG_IGN ? "ignored" : "default");
    printf("  child: descriptor 5 is %s\n", fcntl(5, F_GETFD) < 0 ? "closed" : "open");
    return 3;
}

/* Reports a spawn's result (error is what posix_spawn returned), after its child has
 * finished, so that the child's lines come first on every system. */
static void spawned(int error, pid_t pid)
{
    int status;
    if (error != 0) {
        printf("  error: %s; no child left: %s\n", strerror(error),
               waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD ? "yes" : "no");
    } else if (waitpid(pid, &status, 0) != pid) {
        printf("  waitpid: %s\n", strerror(errno));
    } else if (WIFEXITED(status)) {
        printf("  spawned; exited %d\n", WEXITSTATUS(status));
    } else {
        printf("  spawned; killed by signal %d\n", WTERMSIG(status));
    }
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "report") == 0) return report(argc, argv);
    setvbuf(stdout, NULL, _IOLBF, 0);
    pid_t pid;
    int error;
    char *self_argv[] = {argv[0], "report", "second argument", NULL};
    char *env[] = {"SPAWN_TEST=from envp", NULL};

    printf("spawn self with envp:\n");
    error = posix_spawn(&pid, argv[0], NULL, NULL, self_argv, env);
    spawned(error, pid);

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    posix_spawnattr_setsigmask(&attr, &set);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    posix_spawnattr_setsigdefault(&attr, &set);
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    signal(SIGUSR2, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    printf("spawn self with attributes:\n");
    error = posix_spawn(&pid, argv[0], NULL, &attr, self_argv, environ);
    spawned(error, pid);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
    printf("spawn self in a new session:\n");
    error = posix_spawn(&pid, argv[0], NULL, &attr, self_argv, environ);
    spawned(error, pid);
    short flags;
    posix_spawnattr_getflags(&attr, &flags);
    printf("flags read back: %#x; setflags(0x100): %s\n", flags, strerror(posix_spawnattr_setflags(&attr, 0x100)));
    posix_spawnattr_destroy(&attr);

    /* File actions: echo's output into a file, descriptor 5 made and then closed. */
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/tmp/spawn_out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    char *echo_argv[] = {"echo", "written", "through", "a file action", NULL};
    printf("spawnp echo > file:\n");
    error = posix_spawnp(&pid, "echo", &fa, NULL, echo_argv, environ);
    spawned(error, pid);
    char line[128];
    FILE *f = fopen("/tmp/spawn_out.txt", "r");
    if (f && fgets(line, sizeof line, f)) printf("  the file holds: %s", line);
    if (f) fclose(f);
    posix_spawn_file_actions_destroy(&fa);

    int fds[2];
    pipe(fds);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    posix_spawn_file_actions_adddup2(&fa, 1, 5);
    posix_spawn_file_actions_addclose(&fa, 5);
    printf("spawn self with stdout a pipe:\n");
    error = posix_spawn(&pid, argv[0], &fa, NULL, self_argv, environ);
    spawned(error, pid);
    close(fds[1]);
    ssize_t n;
    char buf[512];
    while ((n = read(fds[0], buf, sizeof buf)) > 0) {
        printf("  from the pipe: ");
        fwrite(buf, 1, (size_t)n, stdout);
    }
    close(fds[0]);
    posix_spawn_file_actions_destroy(&fa);

    /* Errors. */
    printf("spawn a missing path:\n");
    error = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, echo_argv, environ);
    spawned(error, pid);
    printf("spawnp a missing name:\n");
    error = posix_spawnp(&pid, "nonexistent_program_xyz", NULL, NULL, echo_argv, environ);
    spawned(error, pid);
    printf("spawn a directory:\n");
    error = posix_spawn(&pid, "/tmp", NULL, NULL, echo_argv, environ);
    spawned(error, pid);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/nonexistent/input", O_RDONLY, 0);
    printf("spawn with a failing open action:\n");
    error = posix_spawnp(&pid, "echo", &fa, NULL, echo_argv, environ);
    spawned(error, pid);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawn_file_actions_init(&fa);
    printf("addopen fd -1: %s\n", strerror(posix_spawn_file_actions_addopen(&fa, -1, "/x", O_RDONLY, 0)));
    printf("addclose fd -1: %s\n", strerror(posix_spawn_file_actions_addclose(&fa, -1)));
    printf("adddup2 fd -1: %s\n", strerror(posix_spawn_file_actions_adddup2(&fa, -1, 1)));
    printf("adddup2 newfd 1<<20: %s\n", strerror(posix_spawn_file_actions_adddup2(&fa, 1, 1 << 20)));
    posix_spawn_file_actions_destroy(&fa);
    return 0;
}
