/*
 * execl, execle and execlp: the argument list up to the NULL becomes argv; execle's envp
 * (after the NULL) becomes the whole environment, execl keeps ours, execlp searches PATH.
 * The program runs itself with "show" to print what it received.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

extern char **environ;

static void run(const char *what, void (*child)(const char *self), const char *self)
{
    printf("%s:\n", what);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        child(self);
        printf("  exec failed: %s\n", strerror(errno));
        exit(1);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("  exited %d\n", WEXITSTATUS(status));
}

static void with_execl(const char *self) { execl(self, "self", "show", "a b", "", NULL); }

static void with_execle(const char *self)
{
    char *env[] = {"ONLY=this", "SECOND=variable", NULL};
    execle(self, "self", "show", NULL, env);
}

static void with_empty_env(const char *self)
{
    char *env[] = {NULL};
    execle(self, "self", "show", NULL, env);
}

static void with_execlp(const char *self)
{
    (void)self;
    execlp("echo", "echo", "found", "in", "PATH", NULL);
}

static void with_missing(const char *self)
{
    (void)self;
    execlp("no_such_program_xyz", "no_such_program_xyz", NULL);
}

static void with_missing_path(const char *self)
{
    (void)self;
    execl("/no/such/program", "x", NULL);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "show") == 0) {
        for (int i = 0; i < argc; i++) printf("  argv[%d] = \"%s\"\n", i, argv[i]);
        int n = 0;
        for (char **e = environ; *e; e++, n++) {
            if (strcmp(*e, "ONLY=this") == 0 || strcmp(*e, "SECOND=variable") == 0 || strncmp(*e, "EXECL_TEST=", 11) == 0) {
                printf("  env: %s\n", *e);
            }
        }
        printf("  %s\n", getenv("EXECL_TEST") ? "our environment came along" : "our environment did not");
        printf("  %s\n", n == 0 ? "no variables" : n == 2 ? "two variables" : "more variables");
        return 4;
    }
    setenv("EXECL_TEST", "inherited", 1);
    run("execl", with_execl, argv[0]);
    run("execle", with_execle, argv[0]);
    run("execle with an empty environment", with_empty_env, argv[0]);
    run("execlp", with_execlp, argv[0]);
    run("execlp of a missing program", with_missing, argv[0]);
    run("execl of a missing path", with_missing_path, argv[0]);
    return 0;
}
