/* realpath.c: the canonical absolute path of a file, with every ".", ".." and symbolic link
   resolved, built one component at a time as the kernel's path walk does. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40

/*
 * `out` holds the resolved prefix (always absolute, no trailing slash except for "/"), `rest`
 * what is left to walk. A symbolic link's target is put in front of the rest (from "/" if it
 * is absolute). Errors are those of lstat and readlink: ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG.
 */
char *realpath(const char *path, char *resolved)
{
    char out[PATH_MAX], rest[PATH_MAX], link[PATH_MAX];
    int links = 0;
    if (!path) {
        errno = EINVAL;
        return 0;
    }
    if (!*path) {
        errno = ENOENT;
        return 0;
    }
    if (strlen(path) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return 0;
    }
    strcpy(rest, path);
    if (path[0] == '/') {
        strcpy(out, "/");
    } else if (!getcwd(out, sizeof out)) {
        return 0;
    }
    char *p = rest;
    while (*p) {
        while (*p == '/') p++;
        if (!*p) break;
        char *end = p;
        while (*end && *end != '/') end++;
        size_t n = end - p;
        if (n == 1 && p[0] == '.') {
            p = end;
            continue;
        }
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            char *slash = strrchr(out, '/');
            if (slash == out) out[1] = 0;
            else *slash = 0;
            p = end;
            continue;
        }
        size_t len = strlen(out);
        if (len + (len > 1) + n >= PATH_MAX) {
            errno = ENAMETOOLONG;
            return 0;
        }
        if (len > 1) out[len++] = '/';
        memcpy(out + len, p, n);
        out[len + n] = 0;
        struct stat st;
        if (lstat(out, &st) < 0) return 0;
        if (S_ISLNK(st.st_mode)) {
            if (++links > MAX_LINKS) {
                errno = ELOOP;
                return 0;
            }
            ssize_t k = readlink(out, link, sizeof link - 1);
            if (k < 0) return 0;
            link[k] = 0;
            if (k + 1 + strlen(end) >= PATH_MAX) {
                errno = ENAMETOOLONG;
                return 0;
            }
            strcat(link, end);
            strcpy(rest, link);
            p = rest;
            out[len > 1 ? len - 1 : 1] = 0; /* back to the link's directory */
            if (rest[0] == '/') strcpy(out, "/");
            continue;
        }
        if (!S_ISDIR(st.st_mode) && *end) {
            errno = ENOTDIR;
            return 0;
        }
        p = end;
    }
    if (!resolved && !(resolved = malloc(strlen(out) + 1))) return 0;
    strcpy(resolved, out);
    return resolved;
}
