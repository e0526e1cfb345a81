/*
 * expand.c: the expansions of a word when its command runs: parameters, $(...) and `...`,
 * quotes and backslashes, ~, then field splitting. Each character of the result carries a
 * mark (struct expansion) that splitting and pattern matching read.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "sh.h"

int in_child;       /* this process is a fork of the shell that will exit */
int subst_status;   /* the status of the last command substitution */

/* An expansion error (a bad ${x?}, a division by zero) ends a non-interactive shell, as in dash. */
int expansion_failed;

/* Reports an expansion error (fmt with a and b): ends a non-interactive shell or a child, else marks the command failed. */
void expansion_error(const char *fmt, const char *a, const char *b)
{
    char buf[512];
    snprintf(buf, sizeof buf, fmt, a, b);
    error("%s", buf);
    if (!interactive || in_child) shell_exit(2);
    expansion_failed = 1;
}

/* Appends character c with its mark to e. */
void add(struct expansion *e, char c, char mark)
{
    if (e->text.len + 2 > e->marks_cap) {
        e->marks_cap = e->marks_cap ? e->marks_cap * 2 : 32;
        e->marks = xrealloc(e->marks, e->marks_cap);
    }
    e->marks[e->text.len] = mark;
    str_addc(&e->text, c);
}

static void add_value(struct expansion *e, const char *s, int quoted)
{
    while (*s) add(e, *s++, quoted ? M_QUOTED : M_SPLIT);
}

/* The end of a construct opened just before p ($( or ${), skipping quoted parts. */
static const char *skip_nested(const char *p, const char *end, char open, char close)
{
    int depth = 1;
    while (p < end) {
        char c = *p++;
        if (c == '\\' && p < end) p++;
        else if (c == '\'' && open == '(') { while (p < end && *p != '\'') p++; p++; }
        else if (c == '"') { while (p < end && *p != '"') { if (*p == '\\') p++; p++; } p++; }
        else if (c == open) depth++;
        else if (c == close && --depth == 0) return p - 1;
    }
    return end;
}

/* ----- $(...) and `...` */

/* Runs cmd in a child and adds its output, trailing newlines removed; $? becomes its status. */
static void add_command_output(struct expansion *e, const char *cmd, int quoted)
{
    int fds[2];
    if (pipe(fds) < 0) {
        expansion_error("Pipe call failed%s%s", "", "");
        return;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        expansion_error("Cannot fork%s%s", "", "");
        return;
    }
    if (pid == 0) {
        in_child = 1;
        close(fds[0]);
        if (fds[1] != 1) {
            dup2(fds[1], 1);
            close(fds[1]);
        }
        shell_exit(run_string(cmd));
    }
    close(fds[1]);
    struct str out = {0};
    char buf[1024];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (ssize_t i = 0; i < n; i++) str_addc(&out, buf[i]);
    }
    close(fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    subst_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    while (out.len > 0 && out.s[out.len - 1] == '\n') out.s[--out.len] = 0;
    if (out.s) add_value(e, out.s, quoted);
    free(out.s);
}

/* ----- parameters */

const char *shell_ifs(void)
{
    const char *ifs = var_get("IFS");
    return ifs ? ifs : " \t\n";
}

/* The value of a parameter named by name[0..len), or NULL if unset; *tmp holds what to free. */
static const char *param(const char *name, size_t len, char **tmp)
{
    char buf[32];
    *tmp = NULL;
    if (len == 1 && strchr("?$#!", name[0])) {
        long v = name[0] == '?' ? last_status : name[0] == '$' ? (long)shell_pid
               : name[0] == '#' ? args.n : (long)last_background;
        if (name[0] == '!' && last_background == 0) return NULL;
        snprintf(buf, sizeof buf, "%ld", v);
        return *tmp = xstrdup(buf);
    }
    if (len == 1 && name[0] == '-') return *tmp = option_letters();
    if (isdigit((unsigned char)name[0])) {
        int i = 0;
        for (size_t k = 0; k < len && i < 1000000; k++) i = i * 10 + (name[k] - '0');
        if (i == 0) return shell_name;
        return i <= args.n ? args.v[i - 1] : NULL;
    }
    struct var *v = var_find(name, len);
    return v ? v->value : NULL;
}

/* The length of the parameter name at p (up to end): one special character, digits in braces, or a name. */
static size_t param_name_length(const char *p, const char *end, int braced)
{
    if (p >= end) return 0;
    if (strchr("?$#!@*-0123456789", *p) && !(braced && isdigit((unsigned char)*p))) return 1;
    const char *q = p;
    if (isdigit((unsigned char)*p)) {
        while (q < end && isdigit((unsigned char)*q)) q++;
        return (size_t)(q - p);
    }
    while (q < end && (q == p ? is_name_start((unsigned char)*q) : is_name_char((unsigned char)*q))) q++;
    return (size_t)(q - p);
}

/* set -u: an unset parameter expanded without a default. */
static void unset_error(const char *name, size_t len)
{
    char *nm = xstrndup(name, len);
    expansion_error("%s: parameter not set%s", nm, "");
    free(nm);
}

/* Adds $@ or $* (quoted or not) as POSIX says. */
static void add_all_params(struct expansion *e, char which, int dq)
{
    if (dq && which == '@') {
        e->saw_at = 1;
        for (int i = 0; i < args.n; i++) {
            if (i > 0) add(e, 0, M_BREAK);
            add(e, 0, M_EMPTY);
            add_value(e, args.v[i], 1);
        }
    } else if (dq) {
        const char *ifs = shell_ifs();
        for (int i = 0; i < args.n; i++) {
            if (i > 0 && *ifs) add(e, *ifs, M_QUOTED);
            add_value(e, args.v[i], 1);
        }
    } else {
        for (int i = 0; i < args.n; i++) {
            if (i > 0) add(e, 0, M_BREAK);
            add_value(e, args.v[i], 0);
        }
    }
}

/* Removes the shortest or longest prefix (#, ##) or suffix (%, %%) of value matching pattern. */
static char *remove_pattern(const char *value, const char *pattern, char op, int longest)
{
    size_t len = strlen(value);
    char *s = xstrdup(value);
    for (size_t k = 0; k <= len; k++) {
        size_t i = longest ? len - k : k;    /* the length of the prefix or suffix tried */
        int ok;
        if (op == '#') {
            char save = s[i];
            s[i] = 0;
            ok = match(pattern, s);
            s[i] = save;
            if (ok) {
                memmove(s, s + i, len - i + 1);
                return s;
            }
        } else if (match(pattern, s + len - i)) {
            s[len - i] = 0;
            return s;
        }
    }
    return s;
}

/* ${...}: body is the text between the braces. */
static void expand_braced(struct expansion *e, const char *p, const char *end, int dq)
{
    char *tmp;
    if (*p == '#' && p + 1 < end) {
        size_t n = param_name_length(p + 1, end, 1);
        const char *v = param(p + 1, n, &tmp);
        if (v == NULL && opt_nounset) unset_error(p + 1, n);
        char buf[32];
        snprintf(buf, sizeof buf, "%zu", v ? strlen(v) : (size_t)0);
        add_value(e, buf, dq);
        free(tmp);
        return;
    }
    size_t n = param_name_length(p, end, 1);
    if (n == 0) {
        expansion_error("Bad substitution%s%s", "", "");
        return;
    }
    const char *name = p;
    p += n;
    if (n == 1 && (*name == '@' || *name == '*') && p == end) {
        add_all_params(e, *name, dq);
        return;
    }
    const char *value = param(name, n, &tmp);
    if (p == end) {
        if (value) add_value(e, value, dq);
        else if (opt_nounset) unset_error(name, n);
        free(tmp);
        return;
    }
    int colon = *p == ':';
    if (colon) p++;
    char op = p < end ? *p++ : 0;
    int unset = value == NULL || (colon && *value == 0);
    if (op == '-' || op == '=' || op == '+' || op == '?') {
        if (op == '+' ? !unset : unset) {
            if (op == '=' || op == '?') {
                struct expansion word = {0};
                expand_text(&word, p, end, dq);
                char *w = finish(&word, 0);
                if (op == '?') {
                    char *nm = xstrndup(name, n);
                    expansion_error("%s: %s", nm, *w ? w : "parameter not set");
                    free(nm);
                } else {
                    char *nm = xstrndup(name, n);
                    if (is_name(nm)) var_set(nm, w, 0);
                    else expansion_error("%s: bad variable name%s", nm, "");
                    free(nm);
                    add_value(e, w, dq);
                }
                free(w);
            } else {
                expand_text(e, p, end, dq);
            }
        } else if (op != '+' && value) {
            add_value(e, value, dq);
        }
    } else if ((op == '#' || op == '%') && !colon) {
        int longest = p < end && *p == op;
        if (longest) p++;
        struct expansion pat = {0};
        expand_text(&pat, p, end, 0);
        char *pattern = finish(&pat, 1);
        char *result = remove_pattern(value ? value : "", pattern, op, longest);
        add_value(e, result, dq);
        free(pattern);
        free(result);
    } else {
        expansion_error("Bad substitution%s%s", "", "");
    }
    free(tmp);
}

/* Expands the $ construct at *pp (just after the $) into e; advances *pp past it. */
static void expand_dollar(struct expansion *e, const char **pp, const char *end, int dq)
{
    const char *p = *pp;
    if (p + 1 < end && p[0] == '(' && p[1] == '(') {
        const char *close = skip_nested(p + 2, end, '(', ')');
        struct expansion inner = {0};
        expand_text(&inner, p + 2, close, 1);
        char *text = finish(&inner, 0);
        char buf[32];
        snprintf(buf, sizeof buf, "%ld", arithmetic(text));
        free(text);
        add_value(e, buf, dq);
        *pp = close + 2 <= end ? close + 2 : end;
    } else if (p < end && *p == '(') {
        const char *close = skip_nested(p + 1, end, '(', ')');
        char *cmd = xstrndup(p + 1, (size_t)(close - p - 1));
        add_command_output(e, cmd, dq);
        free(cmd);
        *pp = close < end ? close + 1 : end;
    } else if (p < end && *p == '{') {
        const char *close = skip_nested(p + 1, end, '{', '}');
        expand_braced(e, p + 1, close, dq);
        *pp = close < end ? close + 1 : end;
    } else {
        size_t n = param_name_length(p, end, 0);
        if (n == 0) {
            add(e, '$', dq ? M_QUOTED : M_LITERAL);
            return;
        }
        if (n == 1 && (*p == '@' || *p == '*')) {
            add_all_params(e, *p, dq);
        } else {
            char *tmp;
            const char *value = param(p, n, &tmp);
            if (value) add_value(e, value, dq);
            else if (opt_nounset) unset_error(p, n);
            free(tmp);
        }
        *pp = p + n;
    }
}

/* Expands the word text [p, end): quotes, backslashes, $ and ` constructs, a leading ~.
 * dq is 1 inside double quotes, 2 in a here-document's body (where " is an ordinary character). */
void expand_text(struct expansion *e, const char *p, const char *end, int dq)
{
    const char *start = p;
    size_t dq_start = 0;
    while (p < end) {
        char c = *p++;
        if (c == '\'' && !dq) {
            while (p < end && *p != '\'') add(e, *p++, M_QUOTED);
            p++;
            add(e, 0, M_EMPTY);
        } else if (c == '"' && dq != 2) {
            dq = !dq;
            if (dq) {
                dq_start = e->text.len;
                e->saw_at = 0;
            } else if (e->text.len == dq_start && !e->saw_at) {
                add(e, 0, M_EMPTY);
            }
        } else if (c == '\\') {
            if (p >= end) {
                add(e, '\\', M_QUOTED);
            } else if (!dq || strchr(dq == 2 ? "$`\\\n" : "$`\"\\\n", *p)) {
                if (*p != '\n') add(e, *p, M_QUOTED);
                p++;
            } else {
                add(e, '\\', M_QUOTED);
            }
        } else if (c == '$') {
            expand_dollar(e, &p, end, dq);
        } else if (c == '`') {
            struct str cmd = {0};
            while (p < end && *p != '`') {
                if (*p == '\\' && p + 1 < end && strchr("$`\\", p[1])) p++;
                str_addc(&cmd, *p++);
            }
            p++;
            char *text = str_take(&cmd);
            add_command_output(e, text, dq);
            free(text);
        } else if (c == '~' && p - 1 == start && !dq && (p == end || *p == '/')) {
            const char *home = var_get("HOME");
            add_value(e, home ? home : "~", 1);
        } else {
            add(e, c, dq ? M_QUOTED : M_LITERAL);
        }
    }
}

/*
 * The expansion as one string (no field splitting): "$@" joins with spaces. With pattern
 * 1, quoted pattern characters get a backslash so that match() takes them literally.
 */
char *finish(struct expansion *e, int pattern)
{
    struct str out = {0};
    for (size_t i = 0; i < e->text.len; i++) {
        char c = e->text.s[i], m = e->marks[i];
        if (m == M_EMPTY) continue;
        if (m == M_BREAK) c = ' ';
        else if (pattern && m == M_QUOTED && strchr("*?[]\\", c)) str_addc(&out, '\\');
        str_addc(&out, c);
    }
    free(e->text.s);
    free(e->marks);
    return str_take(&out);
}

static void split_fields(struct expansion *e, struct words *out)
{
    const char *ifs = shell_ifs();
    struct str field = {0}, pattern = {0};
    int exists = 0;         /* the current field exists, even if it is empty */
    int after_space = 0;    /* the last separator was IFS white space */
    int magic = 0;          /* the current field has an unquoted pattern character */
    for (size_t i = 0; i < e->text.len; i++) {
        char c = e->text.s[i], m = e->marks[i];
        if (m == M_EMPTY) {
            exists = 1;
        } else if (m == M_BREAK || (m == M_SPLIT && strchr(ifs, c) && c)) {
            /* A break acts as white space: an unquoted $@ drops empty parameters. */
            int space = m == M_BREAK || strchr(" \t\n", c);
            if (exists || field.len || (!space && !after_space)) {
                add_field(out, &field, &pattern, magic);
                exists = magic = 0;
            }
            after_space = space;
        } else {
            str_addc(&field, c);
            if (m == M_QUOTED && strchr("*?[]\\", c)) str_addc(&pattern, '\\');
            str_addc(&pattern, c);
            if (m != M_QUOTED && strchr("*?[", c)) magic = 1;
            exists = 1;
            after_space = 0;
        }
    }
    if (exists || field.len) add_field(out, &field, &pattern, magic);
    free(field.s);
    free(pattern.s);
    free(e->text.s);
    free(e->marks);
}

/* Expands a word into fields, appended to out. */
void expand_fields(const char *word, struct words *out)
{
    struct expansion e = {0};
    expand_text(&e, word, word + strlen(word), 0);
    split_fields(&e, out);
}

/* Expands a word into one string (assignments, redirection targets, case words). */
char *expand_single(const char *word)
{
    struct expansion e = {0};
    expand_text(&e, word, word + strlen(word), 0);
    return finish(&e, 0);
}

/* Expands a case pattern: quoted characters stay literal. */
char *expand_pattern(const char *word)
{
    struct expansion e = {0};
    expand_text(&e, word, word + strlen(word), 0);
    return finish(&e, 1);
}
