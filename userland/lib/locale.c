/*
 * locale.c: setlocale for Clonix's one locale, C.UTF-8 (see locale.h). Every name that
 * means it is accepted and the locale stays what it always is; any other is refused.
 */
#include <locale.h>
#include <string.h>

char *setlocale(int category, const char *locale)
{
    static char name[] = "C.UTF-8";
    if (category < 0 || category > LC_ALL) return NULL;
    if (!locale || !*locale || !strcmp(locale, "C") || !strcmp(locale, "POSIX")
            || !strcmp(locale, "C.UTF-8") || !strcmp(locale, "C.utf8")) {
        return name;
    }
    return NULL;
}
