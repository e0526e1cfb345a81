/* utime.h: utime(2), the oldest way to set a file's access and modification times. */
#ifndef _UTIME_H
#define _UTIME_H

#include <sys/types.h>
#include <time.h>

struct utimbuf {
    time_t actime;
    time_t modtime;
};

int utime(const char *path, const struct utimbuf *times);

#endif
