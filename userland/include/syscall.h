/* syscall.h: glibc ships it too; it is sys/syscall.h, the system-call numbers. */
#include <sys/syscall.h>
