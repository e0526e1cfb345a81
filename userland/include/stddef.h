/* stddef.h: basic types and offsetof (LP64, as Linux x86-64). */
#ifndef _STDDEF_H
#define _STDDEF_H

typedef unsigned long size_t;
typedef long ptrdiff_t;
typedef int wchar_t;
typedef struct { long long __ll; } max_align_t;

#ifndef NULL
#define NULL ((void *)0)
#endif

/* offsetof the portable way: the address of the member in a struct placed at 0. */
#define offsetof(type, member) ((size_t)&(((type *)0)->member))

#endif
