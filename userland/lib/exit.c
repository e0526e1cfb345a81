/* exit.c: exit, atexit, _Exit and abort. Only exit runs the atexit handlers and destructors. */
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include "libc.h"

/* POSIX promises at least 32 handlers (ATEXIT_MAX); this table holds exactly that. */
#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int handler_count;

/* Registers fn to run at exit(); 0 on success, -1 when the table is full. */
int atexit(void (*fn)(void))
{
    if (handler_count == ATEXIT_MAX) return -1;
    handlers[handler_count++] = fn;
    return 0;
}

/*
 * Runs the atexit handlers in reverse order of registration (a handler may itself call
 * atexit: it is then run next), then the destructors (init_array.c), flushes every stdio
 * stream and ends the process.
 */
void exit(int status)
{
    while (handler_count > 0) {
        void (*fn)(void) = handlers[--handler_count];
        fn();
    }
    __libc_fini_array();
    __stdio_exit();
    _exit(status);
}

/* Ends the process at once: no handlers, no flushing. */
void _Exit(int status) { _exit(status); }

/*
 * Dies of SIGABRT. raise() targets the calling thread (tgkill); kill() of the whole
 * process is the fallback where tgkill is missing. If the signal is caught or ignored,
 * the default action is restored and it is sent again; _exit is the last resort.
 */
void abort(void)
{
    raise(SIGABRT);
    kill(getpid(), SIGABRT);
    signal(SIGABRT, SIG_DFL);
    raise(SIGABRT);
    kill(getpid(), SIGABRT);
    _exit(127);
}
