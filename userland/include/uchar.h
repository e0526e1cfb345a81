/*
 * uchar.h: char16_t (UTF-16) and char32_t (UTF-32) characters, the types of u"" and U""
 * literals, and their conversions from and to the locale's multibyte characters, UTF-8 on
 * Clonix (see wchar.h).
 */
#ifndef _UCHAR_H
#define _UCHAR_H

#include <wchar.h>

typedef unsigned short char16_t;
typedef unsigned int char32_t;

size_t mbrtoc16(char16_t *pc16, const char *s, size_t n, mbstate_t *ps);
size_t c16rtomb(char *s, char16_t c16, mbstate_t *ps);
size_t mbrtoc32(char32_t *pc32, const char *s, size_t n, mbstate_t *ps);
size_t c32rtomb(char *s, char32_t c32, mbstate_t *ps);

#endif
