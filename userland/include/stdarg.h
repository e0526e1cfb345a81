/*
 * stdarg.h: variable arguments, as macros over the compiler's built-ins.
 *
 * On Clonix a va_list is a pointer walking up 8-byte argument slots (docs/isa.md); gcc and
 * clang know the same built-in names, so this header also works with a host compiler.
 */
#ifndef _STDARG_H
#define _STDARG_H

typedef __builtin_va_list va_list;

#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) __builtin_va_end(ap)
#define va_copy(dst, src) __builtin_va_copy(dst, src)

#endif
