/* sys/file.h: flock(2), whole-file advisory locks (Linux x86-64 values). */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#include <fcntl.h>

#define LOCK_SH 1 /* shared */
#define LOCK_EX 2 /* exclusive */
#define LOCK_NB 4 /* or'ed in: fail with EWOULDBLOCK instead of waiting */
#define LOCK_UN 8 /* unlock */

int flock(int fd, int operation);

#endif
