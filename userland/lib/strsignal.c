/* strsignal.c: strsignal(3), the description of a signal in glibc's words, as shells print it. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const descriptions[] = {
    [SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
    [SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap", [SIGABRT] = "Aborted",
    [SIGBUS] = "Bus error", [SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
    [SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
    [SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe", [SIGALRM] = "Alarm clock",
    [SIGTERM] = "Terminated", [SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child exited",
    [SIGCONT] = "Continued", [SIGSTOP] = "Stopped (signal)", [SIGTSTP] = "Stopped",
    [SIGTTIN] = "Stopped (tty input)", [SIGTTOU] = "Stopped (tty output)",
    [SIGURG] = "Urgent I/O condition", [SIGXCPU] = "CPU time limit exceeded",
    [SIGXFSZ] = "File size limit exceeded", [SIGVTALRM] = "Virtual timer expired",
    [SIGPROF] = "Profiling timer expired", [SIGWINCH] = "Window changed",
    [SIGIO] = "I/O possible", [SIGPWR] = "Power failure", [SIGSYS] = "Bad system call",
};

/* Numbers outside the table are described in a static buffer, which the next call reuses
 * (glibc's is per thread). Real-time signals count from SIGRTMIN, as glibc numbers them. */
static char unknown[32];

/* The description of sig: "Segmentation fault", "Real-time signal 3", "Unknown signal 99". */
char *strsignal(int sig)
{
    if (sig > 0 && sig < (int)(sizeof descriptions / sizeof descriptions[0])) return (char *)descriptions[sig];
    if (sig >= 34 && sig <= 64) snprintf(unknown, sizeof unknown, "Real-time signal %d", sig - 34);
    else snprintf(unknown, sizeof unknown, "Unknown signal %d", sig);
    return unknown;
}
