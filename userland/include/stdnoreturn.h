/* stdnoreturn.h: noreturn for C11's _Noreturn function specifier. */
#ifndef _STDNORETURN_H
#define _STDNORETURN_H
#define noreturn _Noreturn
#endif
