/*
 * util.c: the shell's state ($0, $?, the options) and what every part uses: messages,
 * memory that never runs out quietly, growable arrays of strings and growable strings.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"

char *shell_name;   /* $0 and the prefix of error messages */
int last_status;    /* $? */
int interactive;    /* reading commands from a terminal */

/* The options of set and of the command line, and their letters in $- (in dash's order). */
int opt_errexit;    /* -e: a failing command ends the shell, outside conditions */
int opt_nounset;    /* -u: expanding an unset parameter is an error */
int opt_xtrace;     /* -x: each simple command is shown on standard error before it runs */
int opt_noglob;     /* -f: no pathname expansion */
static const struct option {
    char letter;
    int *flag;
} options[] = {{'u', &opt_nounset}, {'x', &opt_xtrace}, {'f', &opt_noglob}, {'e', &opt_errexit}};
#define NOPTIONS ((int)(sizeof options / sizeof options[0]))

/* Sets (-) or clears (+) the option letter; 0 if there is no such option. */
int set_option(char letter, int on)
{
    for (int i = 0; i < NOPTIONS; i++) {
        if (options[i].letter == letter) {
            *options[i].flag = on;
            return 1;
        }
    }
    return 0;
}

/* The letters of the options that are on, in $-'s order (dash's), as a new string. */
char *option_letters(void)
{
    char buf[NOPTIONS + 1];
    int n = 0;
    for (int i = 0; i < NOPTIONS; i++) {
        if (*options[i].flag) buf[n++] = options[i].letter;
    }
    buf[n] = 0;
    return xstrdup(buf);
}

int lineno = 1;     /* the line the lexer has reached, for messages */
int command_line;   /* the line of the command being run */

/* Writes a formatted message to descriptor fd; the shell uses no stdio buffers, so nothing
 * is ever written twice by a forked child. */
void say(int fd, const char *fmt, ...)
{
    char small[256], *buf = small;
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= (int)sizeof small) {
        buf = malloc((size_t)n + 1);
        if (buf) {
            vsnprintf(buf, (size_t)n + 1, fmt, again);
        } else {
            buf = small;   /* out of memory: the message is cut short */
            n = sizeof small - 1;
        }
    }
    va_end(again);
    va_end(ap);
    for (int done = 0; done < n;) {
        ssize_t w = write(fd, buf + done, (size_t)(n - done));
        if (w <= 0) break;
        done += (int)w;
    }
    if (buf != small) free(buf);
}

/* Prints "NAME: LINE: message" on standard error, as dash does. */
void error(const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    say(2, "%s: %d: %s\n", shell_name, command_line, buf);
}

/* malloc that never returns NULL: out of memory, the shell says so and exits 2, as dash does. */
void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL) {
        say(2, "%s: Out of space\n", shell_name);
        _exit(2);
    }
    return p;
}

/* realloc that never returns NULL (see xmalloc). */
void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (p == NULL) {
        say(2, "%s: Out of space\n", shell_name);
        _exit(2);
    }
    return p;
}

/* A new string holding the n bytes at s. */
char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

/* A new copy of s. */
char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* Appends s (which w now owns) to w, keeping w NULL-terminated. */
void words_add(struct words *w, char *s)
{
    if (w->n + 2 > w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        w->v = xrealloc(w->v, (size_t)w->cap * sizeof *w->v);
    }
    w->v[w->n++] = s;
    w->v[w->n] = NULL;
}

/* Frees w's strings and w's array, leaving w empty. */
void words_free(struct words *w)
{
    for (int i = 0; i < w->n; i++) free(w->v[i]);
    free(w->v);
    w->v = NULL;
    w->n = w->cap = 0;
}

/* Appends c to b, keeping b NUL-terminated. */
void str_addc(struct str *b, char c)
{
    if (b->len + 2 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 32;
        b->s = xrealloc(b->s, b->cap);
    }
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}

/* Appends the string s to b. */
void str_adds(struct str *b, const char *s)
{
    while (*s) str_addc(b, *s++);
}

/* The string built so far (an empty one if nothing was added), owned by the caller. */
char *str_take(struct str *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

/* Whether c may start a name (a letter or _), and whether it may continue one. */
int is_name_start(int c) { return c == '_' || isalpha(c); }
int is_name_char(int c) { return c == '_' || isalnum(c); }

/* Whether s is a valid variable name. */
int is_name(const char *s)
{
    if (!is_name_start((unsigned char)*s)) return 0;
    while (*++s) {
        if (!is_name_char((unsigned char)*s)) return 0;
    }
    return 1;
}

/* Ends the shell (or the forked child running part of it). */
void shell_exit(int status)
{
    _exit(status & 0377);
}
