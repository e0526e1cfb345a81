/*
 * glob.c: shell patterns (* ? [...]): matching a string (case, ${x#pattern}) and
 * pathname expansion.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

#include "sh.h"

/* Whether a pattern (quoted characters escaped with \) has an unescaped * or ?, or a [ that
 * a ] closes (so that a lone [, as in the command [, costs no directory read). */
static int has_magic(const char *pattern, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (pattern[i] == '\\') {
            i++;
        } else if (pattern[i] == '*' || pattern[i] == '?') {
            return 1;
        } else if (pattern[i] == '[') {
            size_t j = i + 1;
            if (j < len && (pattern[j] == '!' || pattern[j] == '^')) j++;
            if (j < len && pattern[j] == ']') j++;
            while (j < len && pattern[j] != ']' && pattern[j] != '/') j++;
            if (j < len && pattern[j] == ']') return 1;
        }
    }
    return 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Pathname expansion of the pattern's components from rest on, under the directory dir
 * (a path ending in '/', or "" for the working directory): adds each path that exists
 * and matches to found. A name starting with '.' matches only a pattern starting with '.'.
 */
static void glob_in(const char *dir, const char *rest, struct words *found)
{
    const char *slash = strchr(rest, '/');
    size_t len = slash ? (size_t)(slash - rest) : strlen(rest);
    char *component = xstrndup(rest, len);
    struct str path = {0};
    if (!has_magic(component, len)) {
        str_adds(&path, dir);
        for (const char *p = component; *p; p++) str_addc(&path, *p == '\\' && p[1] ? *++p : *p);
        struct stat st;
        if (slash) {
            str_addc(&path, '/');
            glob_in(path.s, slash + 1, found);
        } else if (lstat(path.s, &st) == 0) {
            words_add(found, str_take(&path));
        }
    } else {
        DIR *d = opendir(*dir ? dir : ".");
        struct dirent *entry;
        while (d && (entry = readdir(d)) != NULL) {
            if ((entry->d_name[0] == '.' && component[0] != '.') || !match(component, entry->d_name)) continue;
            path.len = 0;
            str_adds(&path, dir);
            str_adds(&path, entry->d_name);
            if (slash) {
                str_addc(&path, '/');
                glob_in(path.s, slash + 1, found);
            } else {
                words_add(found, xstrdup(path.s));
            }
        }
        if (d) closedir(d);
    }
    free(path.s);
    free(component);
}

/* Adds a finished field: the paths its pattern matches, sorted, or the field itself. */
void add_field(struct words *out, struct str *field, struct str *pattern, int magic)
{
    struct words found = {0};
    if (magic && !opt_noglob && has_magic(pattern->s, pattern->len)) {
        const char *p = pattern->s;
        glob_in(*p == '/' ? "/" : "", p + (*p == '/'), &found);
    }
    if (found.n == 0) {
        words_add(out, str_take(field));
    } else {
        qsort(found.v, (size_t)found.n, sizeof *found.v, compare_strings);
        for (int i = 0; i < found.n; i++) words_add(out, found.v[i]);
        free(found.v);
        free(field->s);
        field->s = NULL;
        field->len = field->cap = 0;
    }
    free(pattern->s);
    pattern->s = NULL;
    pattern->len = pattern->cap = 0;
}

/*
 * Splits the expansion into fields on IFS characters that came from unquoted expansions,
 * then expands each field that has an unquoted * ? or [ into the paths it matches.
 */

/* Whether c is in the character class named by name[0..len) ("alpha" of [[:alpha:]]). */
static int in_class(const char *name, size_t len, int c)
{
    static const struct {
        const char *name;
        int (*test)(int);
    } classes[] = {
        {"alnum", isalnum}, {"alpha", isalpha}, {"blank", isblank}, {"cntrl", iscntrl},
        {"digit", isdigit}, {"graph", isgraph}, {"lower", islower}, {"print", isprint},
        {"punct", ispunct}, {"space", isspace}, {"upper", isupper}, {"xdigit", isxdigit},
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0) return classes[i].test(c) != 0;
    }
    return 0;
}

/* Whether s matches the shell pattern (* ? [...] [!...] [[:class:]], \ quotes the next character). */
int match(const char *pattern, const char *s)
{
    for (; *pattern; pattern++) {
        char p = *pattern;
        if (p == '*') {
            while (pattern[1] == '*') pattern++;
            for (const char *t = s;; t++) {
                if (match(pattern + 1, t)) return 1;
                if (*t == 0) return 0;
            }
        }
        if (*s == 0) return 0;
        if (p == '?') {
            s++;
            continue;
        }
        if (p == '[') {
            const char *q = pattern + 1;
            int negate = *q == '!' || *q == '^';
            if (negate) q++;
            int found = 0;
            const char *first = q;
            while (*q && (*q != ']' || q == first)) {
                const char *class_end = q[0] == '[' && q[1] == ':' ? strstr(q + 2, ":]") : NULL;
                if (class_end) {
                    if (in_class(q + 2, (size_t)(class_end - q - 2), (unsigned char)*s)) found = 1;
                    q = class_end + 2;
                    continue;
                }
                char lo = *q == '\\' && q[1] ? *++q : *q;
                char hi = lo;
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    q += 2;
                    hi = *q == '\\' && q[1] ? *++q : *q;
                }
                if ((unsigned char)*s >= (unsigned char)lo && (unsigned char)*s <= (unsigned char)hi) found = 1;
                q++;
            }
            if (*q == ']') {
                if (found == negate) return 0;
                pattern = q;
                s++;
                continue;
            }
            /* no closing bracket: the [ is an ordinary character */
        }
        if (p == '\\' && pattern[1]) p = *++pattern;
        if (*s != p) return 0;
        s++;
    }
    return *s == 0;
}
