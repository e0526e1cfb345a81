/* filelock.c: flock(2), sys/file.h's whole-file locks. fcntl's record locks are in unistd.c. */
#include <sys/file.h>
#include <sys/syscall.h>
#include "libc.h"

/* Waiting for the lock is a cancellation point, as in glibc. */
int flock(int fd, int operation) { return (int)__syscall_ret(__syscall_cancel2(SYS_flock, fd, operation)); }
