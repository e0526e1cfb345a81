/*
 * builtins.c: the built-in commands and their table.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "sh.h"

/* Set by a built-in's error: after a special built-in, it ends a non-interactive shell. */
int builtin_failed;

/* Reports a built-in's error (as error() does) and marks it failed. */
#define builtin_error(...) (error(__VA_ARGS__), builtin_failed = 1)

/* Parses a numeric argument; -1 (after the message) if it is not a number. */
static int number_arg(const char *cmd, const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == 0 || *end || v < 0 || v > INT_MAX) {
        builtin_error("%s: Illegal number: %s", cmd, s);
        return -1;
    }
    return (int)v;
}

static int bi_colon(int argc, char **argv) { (void)argc; (void)argv; return 0; }
static int bi_false(int argc, char **argv) { (void)argc; (void)argv; return 1; }

static int bi_exit(int argc, char **argv)
{
    int status = last_status;
    if (argc > 1 && (status = number_arg(argv[0], argv[1])) < 0) status = 2;
    shell_exit(status);
    return status;
}

static int bi_cd(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : var_get("HOME");
    int print = 0;
    if (dir && strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        print = 1;
    }
    char cwd[PATH_MAX];
    int have_old = getcwd(cwd, sizeof cwd) != NULL;
    if (dir == NULL || chdir(dir) < 0) {
        error("cd: can't cd to %s", dir ? dir : "");
        return 2;
    }
    if (have_old) var_set("OLDPWD", cwd, 0);
    if (getcwd(cwd, sizeof cwd)) {
        var_set("PWD", cwd, 0);
        if (print) say(1, "%s\n", cwd);
    }
    return 0;
}

static int bi_pwd(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL) {
        error("pwd: %s", strerror(errno));
        return 2;
    }
    say(1, "%s\n", cwd);
    return 0;
}

static int bi_export(int argc, char **argv)
{
    if (argc == 1 || strcmp(argv[1], "-p") == 0) {
        for (struct var *v = vars; v; v = v->next) {
            if (!v->exported) continue;
            if (v->value) say(1, "export %s='%s'\n", v->name, v->value);
            else say(1, "export %s\n", v->name);
        }
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);
        int ok = is_name(name);
        if (ok) var_set(name, eq ? eq + 1 : NULL, 1);
        else builtin_error("export: %s: bad variable name", name);
        free(name);
        if (!ok) return 2;
    }
    return 0;
}

static int bi_unset(int argc, char **argv)
{
    int i = 1, funcs = 0;
    if (i < argc && (strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "-v") == 0)) funcs = argv[i++][1] == 'f';
    for (; i < argc; i++) {
        if (!funcs) {
            var_unset(argv[i]);
            continue;
        }
        for (struct function **f = &functions; *f; f = &(*f)->next) {
            if (strcmp((*f)->name, argv[i]) == 0) {
                *f = (*f)->next;   /* the body may still be running: it is not freed */
                break;
            }
        }
    }
    return 0;
}

/* Replaces $1... with argv[from...]. */
void set_args(int argc, char **argv, int from)
{
    words_free(&args);
    for (int i = from; i < argc; i++) words_add(&args, xstrdup(argv[i]));
}

static int bi_set(int argc, char **argv)
{
    if (argc == 1) {
        for (struct var *v = vars; v; v = v->next) {
            if (v->value) say(1, "%s='%s'\n", v->name, v->value);
        }
        return 0;
    }
    /* Option words first (-e, +x, -eu); "--" ends them, and then sets $1... even to nothing. */
    int i = 1, dashdash = 0;
    for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            dashdash = 1;
            i++;
            break;
        }
        for (const char *c = argv[i] + 1; *c; c++) {
            if (!set_option(*c, argv[i][0] == '-')) {
                builtin_error("set: Illegal option %c%c", argv[i][0], *c);
                return 2;
            }
        }
    }
    if (i < argc || dashdash) set_args(argc, argv, i);
    return 0;
}

static int bi_shift(int argc, char **argv)
{
    int n = argc > 1 ? number_arg(argv[0], argv[1]) : 1;
    if (n < 0) return 2;
    if (n > args.n) {
        builtin_error("shift: can't shift that many");
        return 2;
    }
    for (int i = 0; i < n; i++) free(args.v[i]);
    memmove(args.v, args.v + n, (size_t)(args.n - n + 1) * sizeof *args.v);
    args.n -= n;
    return 0;
}

/* eval joins its arguments with spaces and runs the result as commands. */
static int bi_eval(int argc, char **argv)
{
    struct str text = {0};
    for (int i = 1; i < argc; i++) {
        if (i > 1) str_addc(&text, ' ');
        str_adds(&text, argv[i]);
    }
    char *s = str_take(&text);
    int status = run_string(s);
    free(s);
    return status;
}

/* . FILE runs the commands of FILE in this shell. */
static int bi_dot(int argc, char **argv)
{
    if (argc < 2) return 0;
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        error(".: cannot open %s: %s", argv[1], open_error(errno, 0));
        shell_exit(2);
    }
    struct str text = {0};
    char buf[1024];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) str_addc(&text, buf[i]);
    }
    close(fd);
    char *s = str_take(&text);
    int status = run_string(s);
    free(s);
    return status;
}

static int bi_wait(int argc, char **argv)
{
    if (argc == 1) {
        int status;
        while (wait(&status) > 0 || errno == EINTR) {}
        return 0;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int pid = number_arg(argv[0], argv[i]);
        if (pid < 0) return 2;
        status = wait_for(pid);
    }
    return status;
}

/* read [-r] NAME...: one line of standard input, split on IFS, the rest to the last NAME. */
static int bi_read(int argc, char **argv)
{
    int i = 1, raw = 0;
    if (i < argc && strcmp(argv[i], "-r") == 0) {
        raw = 1;
        i++;
    }
    if (i >= argc) {
        builtin_error("read: arg count");
        return 2;
    }
    /* A byte at a time, so that what follows the line stays for the next reader. */
    struct expansion e = {0};
    int got_newline = 0;
    char c;
    while (read(0, &c, 1) == 1) {
        if (c == '\n') {
            got_newline = 1;
            break;
        }
        if (c == '\\' && !raw) {
            if (read(0, &c, 1) != 1) break;
            if (c != '\n') add(&e, c, M_QUOTED);
            continue;
        }
        add(&e, c, M_SPLIT);
    }
    const char *ifs = shell_ifs();
    size_t pos = 0;
    for (; i < argc; i++) {
        while (pos < e.text.len && e.marks[pos] == M_SPLIT && strchr(" \t\n", e.text.s[pos]) && strchr(ifs, e.text.s[pos])) pos++;
        size_t start = pos;
        if (i == argc - 1) {
            size_t end = e.text.len;
            while (end > start && e.marks[end - 1] == M_SPLIT && strchr(" \t\n", e.text.s[end - 1]) && strchr(ifs, e.text.s[end - 1])) end--;
            pos = end;
        } else {
            while (pos < e.text.len && !(e.marks[pos] == M_SPLIT && strchr(ifs, e.text.s[pos]))) pos++;
        }
        char *value = xstrndup(e.text.s ? e.text.s + start : "", pos - start);
        var_set(argv[i], value, 0);
        free(value);
        if (pos < e.text.len && !strchr(" \t\n", e.text.s[pos])) pos++;   /* one non-blank separator */
    }
    free(e.text.s);
    free(e.marks);
    return got_newline ? 0 : 1;
}

static int bi_break(int argc, char **argv)
{
    int n = argc > 1 ? number_arg(argv[0], argv[1]) : 1;
    if (n == 0) builtin_error("%s: Illegal number: %s", argv[0], argv[1]);
    if (n <= 0) return 2;
    if (loop_depth == 0) return 0;
    if (n > loop_depth) n = loop_depth;
    if (argv[0][0] == 'b') breaking = n;
    else continuing = n;
    return 0;
}

static int bi_return(int argc, char **argv)
{
    int status = argc > 1 ? number_arg(argv[0], argv[1]) : last_status;
    if (status < 0) status = 2;
    if (function_depth > 0) returning = 1;
    return status;
}

/* The built-ins, by name. */
static const struct builtin builtins[] = {
    {":", bi_colon, 1}, {".", bi_dot, 1}, {"break", bi_break, 1}, {"continue", bi_break, 1},
    {"eval", bi_eval, 1}, {"exec", NULL, 1}, {"exit", bi_exit, 1}, {"export", bi_export, 1},
    {"return", bi_return, 1}, {"set", bi_set, 1}, {"shift", bi_shift, 1}, {"unset", bi_unset, 1},
    {"cd", bi_cd, 0}, {"false", bi_false, 0}, {"pwd", bi_pwd, 0}, {"read", bi_read, 0},
    {"test", bi_test, 0}, {"[", bi_test, 0}, {"true", bi_colon, 0}, {"wait", bi_wait, 0},
    {NULL, NULL, 0},
};

/* The built-in called name, or NULL. */
const struct builtin *builtin_find(const char *name)
{
    for (const struct builtin *b = builtins; b->name; b++) {
        if (strcmp(b->name, name) == 0) return b;
    }
    return NULL;
}
