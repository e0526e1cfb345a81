/* waitid.c: sys/wait.h's waitid, a cancellation point as wait4 is. */
#include <sys/wait.h>
#include <sys/syscall.h>
#include "libc.h"

/* The system call's fifth argument, a struct rusage, is Linux's own extension: glibc passes NULL. */
int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options)
{
    return (int)__syscall_ret(__syscall_cancel(SYS_waitid, idtype, id, (long)infop, options, 0, 0));
}
