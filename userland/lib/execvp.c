/*
 * execvp.c: execvp(3) and execvpe(3), which look a command name up in PATH as glibc does.
 *
 * A name containing '/' is executed as it is. Otherwise each directory of PATH (default
 * "/bin:/usr/bin") is tried in order; an empty entry means the current directory. EACCES
 * from one directory is remembered and reported if nothing else works, other errors
 * (ENOENT, ENOTDIR) move on to the next directory; any other error stops the search.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Runs file (searched in PATH) with argv and the environment envp; returns -1 on failure. */
int execvpe(const char *file, char *const argv[], char *const envp[]) {
    if (*file == 0) {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/') != NULL) return execve(file, argv, envp);
    const char *path = getenv("PATH");
    if (path == NULL) path = "/bin:/usr/bin";
    size_t file_len = strlen(file);
    int saw_eacces = 0;
    char buf[4096];
    for (const char *p = path;; p++) {
        const char *end = strchr(p, ':');
        if (end == NULL) end = p + strlen(p);
        size_t dir_len = (size_t) (end - p);
        if (dir_len + 1 + file_len + 1 <= sizeof buf) {
            memcpy(buf, p, dir_len);
            size_t n = dir_len;
            if (n > 0) buf[n++] = '/';
            memcpy(buf + n, file, file_len + 1);
            execve(buf, argv, envp);
            if (errno == EACCES) saw_eacces = 1;
            else if (errno != ENOENT && errno != ENOTDIR) return -1;
        }
        if (*end == 0) break;
        p = end;
    }
    if (saw_eacces) errno = EACCES;
    return -1;
}

/* Runs file (searched in PATH) with argv and the current environment; returns -1 on failure. */
int execvp(const char *file, char *const argv[]) { return execvpe(file, argv, environ); }
