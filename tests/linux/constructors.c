/* Constructors and destructors (__attribute__((constructor)), ((destructor))), in the order
 * a static glibc runs them: constructors before main, lower priorities first and those
 * without one last, each passed main's arguments; at exit (or a return from main) the
 * atexit handlers in reverse order of registration, even those a constructor registered,
 * then the destructors in the reverse of the constructors' order. _exit and abort run none
 * of them. Each way of ending runs in a forked child, so its destructors run there. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *who = "parent";
static int constructed;

static void handler_from_constructor(void) { printf("%s: atexit handler registered by a constructor\n", who); }
static void handler_from_main(void) { printf("%s: atexit handler registered by main\n", who); }

/* The attribute on a prototype applies to the definition; with equal priorities, the order
 * is that of the definitions, not of the first declarations. */
static void plain_second(void) __attribute__((constructor));

__attribute__((constructor)) static void plain_first(void)
{
    printf("constructor without priority, defined first\n");
    constructed++;
    atexit(handler_from_constructor);
}

__attribute__((constructor(200))) static void prio_200(void)
{
    printf("constructor 200\n");
    constructed++;
}

/* glibc passes main's arguments to every constructor. */
__attribute__((__constructor__(101))) static void prio_101(int argc, char **argv)
{
    printf("constructor 101: argc %d, argv[1] %s\n", argc, argv[1] ? argv[1] : "(null)");
    constructed++;
}

static void plain_second(void)
{
    printf("constructor without priority, defined second\n");
    constructed++;
}

__attribute__((destructor)) static void d_plain_first(void) { printf("%s: destructor without priority, defined first\n", who); }
__attribute__((destructor(101))) static void d_101(void) { printf("%s: destructor 101\n", who); }
static void d_200(void) __attribute__((destructor(200)));
static void d_200(void) { printf("%s: destructor 200\n", who); }
__attribute__((destructor)) static void d_plain_second(void) { printf("%s: destructor without priority, defined second\n", who); }

enum ending { BY_EXIT, BY_RETURN, BY__EXIT, BY_ABORT };
static const char *const names[] = {"exit", "return", "_exit", "abort"};

static void end_by_exit(void) { exit(3); }

int main(void)
{
    printf("main: %d constructors ran\n", constructed);
    atexit(handler_from_main);
    for (int how = BY_EXIT; how <= BY_ABORT; how++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            who = names[how];
            printf("%s: ending\n", who);
            switch (how) {
            case BY_EXIT: end_by_exit(); break;
            case BY_RETURN: return 4;
            case BY__EXIT: fflush(stdout); _exit(5);
            case BY_ABORT: fflush(stdout); abort();
            }
        }
        int status;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status)) printf("parent: %s child exited with %d\n", names[how], WEXITSTATUS(status));
        else printf("parent: %s child killed by signal %d\n", names[how], WTERMSIG(status));
    }
    printf("parent: returning from main\n");
    return 0;
}
