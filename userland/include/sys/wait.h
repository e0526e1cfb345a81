/* sys/wait.h: waiting for children, and Linux's encoding of the wait status. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <signal.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x01000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

/*
 * The status word: exit code in bits 8-15 and 0 below for a normal exit; the signal number
 * in bits 0-6 (plus 0x80 for a core dump) for a death by signal; 0x7f in the low byte and
 * the signal above it for a stopped child; 0xffff for a continued one.
 */
#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s) ((s) & 0x80)

typedef enum { P_ALL = 0, P_PID = 1, P_PGID = 2 } idtype_t;

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, void *rusage);
/* Waits for a child chosen by idtype and id (P_ALL, P_PID, P_PGID) to change state as options
   asks (WEXITED, WSTOPPED, WCONTINUED, WNOHANG, WNOWAIT) and describes it in *infop. */
int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options);

#endif
