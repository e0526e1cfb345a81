/*
 * execl.c: execl(3), execle(3) and execlp(3), the exec calls that take the arguments as a
 * list ending in (char *) NULL: they count the arguments, copy them into an argv on the
 * stack (as glibc does) and call execve, execve with the envp that follows the NULL
 * (execle), or execvp.
 */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>

/* glibc refuses more arguments than fit in an int with E2BIG; the kernel's ARG_MAX is smaller still. */
#define MAX_ARGS 4096

/* Counts arg and the arguments after it in ap up to the NULL (not included); -1 if too many. */
static int count_args(const char *arg, va_list ap)
{
    int n = 0;
    if (arg == NULL) return 0;
    for (n = 1; va_arg(ap, const char *) != NULL; n++) {
        if (n == MAX_ARGS) return -1;
    }
    return n;
}

/* The three share this: argv has room for n arguments and the NULL. ap is passed by
 * address, so the caller may go on reading after the arguments (execle's envp). */
static void fill_args(char **argv, int n, const char *arg, va_list *ap)
{
    argv[0] = (char *)arg;
    for (int i = 1; i < n; i++) argv[i] = va_arg(*ap, char *);
    argv[n] = NULL;
}

/* execl(path, arg0, ..., NULL): execve with the current environment. */
int execl(const char *path, const char *arg, ...)
{
    va_list ap;
    va_start(ap, arg);
    int n = count_args(arg, ap);
    va_end(ap);
    if (n < 0) {
        errno = E2BIG;
        return -1;
    }
    char *argv[n + 1];
    va_start(ap, arg);
    fill_args(argv, n, arg, &ap);
    va_end(ap);
    return execve(path, argv, environ);
}

/* execle(path, arg0, ..., NULL, envp): execve with the environment envp. */
int execle(const char *path, const char *arg, ...)
{
    va_list ap;
    va_start(ap, arg);
    int n = count_args(arg, ap);
    va_end(ap);
    if (n < 0) {
        errno = E2BIG;
        return -1;
    }
    char *argv[n + 1];
    va_start(ap, arg);
    fill_args(argv, n, arg, &ap);
    if (n > 0) va_arg(ap, char *);   /* the NULL that ends the list */
    char **envp = va_arg(ap, char **);
    va_end(ap);
    return execve(path, argv, envp);
}

/* execlp(file, arg0, ..., NULL): execvp, so file is looked up in PATH. */
int execlp(const char *file, const char *arg, ...)
{
    va_list ap;
    va_start(ap, arg);
    int n = count_args(arg, ap);
    va_end(ap);
    if (n < 0) {
        errno = E2BIG;
        return -1;
    }
    char *argv[n + 1];
    va_start(ap, arg);
    fill_args(argv, n, arg, &ap);
    va_end(ap);
    return execvp(file, argv);
}
