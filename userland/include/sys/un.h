/*
 * sys/un.h: AF_UNIX socket addresses. sun_path holds a file name (a socket node bind
 * creates), or, when sun_path[0] is '\0', a name in the abstract namespace (the bytes after
 * it, up to the length given), which no file represents.
 */
#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <string.h>
#include <sys/socket.h>

struct sockaddr_un {
    sa_family_t sun_family;
    char sun_path[108];
};

/* The length of an address whose sun_path is a NUL-terminated string. */
#define SUN_LEN(ptr) ((size_t)(((struct sockaddr_un *)0)->sun_path) + strlen((ptr)->sun_path))

#endif
