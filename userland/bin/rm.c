/*
 * rm: remove files. -r (or -R) removes directories and their contents, depth first; -f
 * ignores names that do not exist and never complains about a missing operand. Errors
 * are coreutils' lines: "rm: cannot remove 'NAME': reason" ("Is a directory" without -r).
 * rm refuses to remove "." or ".." as coreutils does.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *prog;
static int recursive, force;

/* Prints "rm: cannot remove 'PATH': reason" and returns 1, except for a missing name with -f. */
static int complain(const char *path, int err) {
    if (force && err == ENOENT) return 0;
    fprintf(stderr, "%s: cannot remove '%s': %s\n", prog, path, strerror(err));
    return 1;
}

/* Removes path (with everything under it when recursive); 0, or 1 after printing why not. */
static int remove_path(const char *path) {
    struct stat st;
    if (lstat(path, &st) < 0) return complain(path, errno);
    if (!S_ISDIR(st.st_mode)) return unlink(path) < 0 ? complain(path, errno) : 0;
    if (!recursive) return complain(path, EISDIR);
    DIR *dir = opendir(path);
    if (dir == NULL) return complain(path, errno);
    int status = 0;
    size_t len = strlen(path);
    struct dirent *e;
    /* Removing entries while reading would shift the directory's offsets: collect, then remove. */
    char **names = NULL;
    int count = 0;
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char *child = malloc(len + strlen(e->d_name) + 2);
        strcpy(child, path);
        if (len == 0 || path[len - 1] != '/') strcat(child, "/");
        strcat(child, e->d_name);
        names = realloc(names, (count + 1) * sizeof(char *));
        names[count++] = child;
    }
    closedir(dir);
    for (int i = 0; i < count; i++) {
        status |= remove_path(names[i]);
        free(names[i]);
    }
    free(names);
    if (status == 0 && rmdir(path) < 0) return complain(path, errno);
    return status;
}

/* The last component of path ignoring trailing slashes is "." or "..". */
static int is_dot_or_dotdot(const char *path) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    size_t start = n;
    while (start > 0 && path[start - 1] != '/') start--;
    size_t len = n - start;
    return (len == 1 && path[start] == '.') || (len == 2 && path[start] == '.' && path[start + 1] == '.');
}

int main(int argc, char **argv) {
    int c;
    prog = argv[0];
    while ((c = getopt(argc, argv, "rRf")) != -1) {
        if (c == 'f') {
            force = 1;
        } else if (c == 'r' || c == 'R') {
            recursive = 1;
        } else {
            fprintf(stderr, "Try '%s --help' for more information.\n", prog);
            return 1;
        }
    }
    if (optind == argc) {
        if (force) return 0;
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", prog, prog);
        return 1;
    }
    int status = 0;
    for (int i = optind; i < argc; i++) {
        if (is_dot_or_dotdot(argv[i])) {
            fprintf(stderr, "%s: refusing to remove '.' or '..' directory: skipping '%s'\n", prog, argv[i]);
            status = 1;
            continue;
        }
        status |= remove_path(argv[i]);
    }
    return status;
}
