#ifndef _GRP_H
#define _GRP_H

/* Group functions. Clonix has no group database (/etc/group); only setgroups is here. */

#include <stddef.h>
#include <sys/types.h>

int setgroups(size_t size, const gid_t *list);

#endif
