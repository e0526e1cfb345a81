/*
 * locale.h: Clonix has exactly one locale, C.UTF-8: the C locale's rules (ASCII
 * classification, '.' as decimal point) with UTF-8 as its multibyte encoding, so that
 * wide-character programs work without configuration. setlocale accepts the names of that
 * one locale ("", "C", "POSIX", "C.UTF-8", "C.utf8") and returns "C.UTF-8"; any other name
 * is refused with NULL, as glibc refuses a locale it does not have.
 */
#ifndef _LOCALE_H
#define _LOCALE_H

#include <stddef.h>

#define LC_CTYPE 0
#define LC_NUMERIC 1
#define LC_TIME 2
#define LC_COLLATE 3
#define LC_MONETARY 4
#define LC_MESSAGES 5
#define LC_ALL 6

char *setlocale(int category, const char *locale);

#endif
