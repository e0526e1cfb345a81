/*
 * env.c: the environment. environ starts as the envp that crt0 found on the stack; the
 * first addition copies the pointer array into memory from malloc so that it can grow
 * (replacing a value changes the entry in place, as glibc does).
 * Strings made by setenv are never freed (another pointer to them may still be in use),
 * which is what glibc does too.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

char **environ;

/* environ points at our own malloc'ed array (as opposed to the loader's). */
static char **owned;

/* The index of the entry "name=..." (name of length len), or -1. */
static int find(const char *name, size_t len)
{
    int i;
    if (!environ) return -1;
    for (i = 0; environ[i]; i++)
        if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=') return i;
    return -1;
}

static int count(void)
{
    int n = 0;
    while (environ && environ[n]) n++;
    return n;
}

/* The value of name, or NULL. */
char *getenv(const char *name)
{
    size_t len = strlen(name);
    int i = find(name, len);
    return i < 0 ? 0 : environ[i] + len + 1;
}

/* Replaces the entry for the same name as entry, or appends it; 0 or -1 and ENOMEM. */
static int put(char *entry, size_t name_len)
{
    int i = find(entry, name_len);
    int n;
    char **grown;
    if (i >= 0) {
        environ[i] = entry;
        return 0;
    }
    n = count();
    grown = malloc((n + 2) * sizeof *grown);
    if (!grown) return -1;
    if (n) memcpy(grown, environ, n * sizeof *grown);
    grown[n] = entry;
    grown[n + 1] = 0;
    free(owned);
    owned = environ = grown;
    return 0;
}

static int bad_name(const char *name)
{
    if (!name || !*name || strchr(name, '=')) {
        errno = EINVAL;
        return 1;
    }
    return 0;
}

/* Sets name=value, unless name exists and overwrite is 0. EINVAL for a bad name. */
int setenv(const char *name, const char *value, int overwrite)
{
    size_t name_len, value_len;
    char *entry;
    if (bad_name(name)) return -1;
    name_len = strlen(name);
    if (!overwrite && find(name, name_len) >= 0) return 0;
    value_len = strlen(value);
    entry = malloc(name_len + value_len + 2);
    if (!entry) return -1;
    memcpy(entry, name, name_len);
    entry[name_len] = '=';
    memcpy(entry + name_len + 1, value, value_len + 1);
    return put(entry, name_len);
}

/* Puts the caller's own "name=value" string into the environment (not a copy). */
int putenv(char *string)
{
    char *eq = strchr(string, '=');
    if (!eq) return unsetenv(string);
    return put(string, (size_t)(eq - string));
}

/* Removes every entry for name. */
int unsetenv(const char *name)
{
    size_t len;
    int i;
    if (bad_name(name)) return -1;
    len = strlen(name);
    while ((i = find(name, len)) >= 0) {
        do environ[i] = environ[i + 1];
        while (environ[i++]);
    }
    return 0;
}

/* Empties the environment. */
int clearenv(void)
{
    free(owned);
    owned = 0;
    environ = 0;
    return 0;
}
