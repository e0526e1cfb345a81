/*
 * mkdir: create each directory named. -p creates missing parents too and is silent when
 * the directory already exists; -m MODE (octal) sets the permissions. Errors are
 * coreutils' lines: "mkdir: cannot create directory 'NAME': reason".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *prog;

/* mkdir(path), or with -p each missing prefix of path; prints the error line and returns 1 on failure. */
static int make(char *path, int parents, mode_t mode) {
    if (parents) {
        for (char *p = path + 1; *p; p++) {
            if (*p != '/' || p[-1] == '/') continue;
            *p = 0;
            int rc = mkdir(path, 0777);
            int err = errno;
            struct stat st;
            if (rc < 0 && (err != EEXIST || stat(path, &st) < 0 || !S_ISDIR(st.st_mode))) {
                fprintf(stderr, "%s: cannot create directory '%s': %s\n", prog, path,
                        strerror(err == EEXIST ? ENOTDIR : err));
                *p = '/';
                return 1;
            }
            *p = '/';
        }
    }
    if (mkdir(path, mode) == 0) return 0;
    int err = errno;
    struct stat st;
    if (parents && err == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
    fprintf(stderr, "%s: cannot create directory '%s': %s\n", prog, path, strerror(err));
    return 1;
}

int main(int argc, char **argv) {
    int parents = 0, c;
    mode_t mode = 0777;
    prog = argv[0];
    while ((c = getopt(argc, argv, "pm:")) != -1) {
        if (c == 'p') {
            parents = 1;
        } else if (c == 'm') {
            char *end;
            mode = (mode_t) strtol(optarg, &end, 8);
            if (*optarg == 0 || *end != 0 || mode > 07777) {
                fprintf(stderr, "%s: invalid mode '%s'\n", prog, optarg);
                return 1;
            }
            umask(0);
        } else {
            fprintf(stderr, "Try '%s --help' for more information.\n", prog);
            return 1;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "%s: missing operand\nTry '%s --help' for more information.\n", prog, prog);
        return 1;
    }
    int status = 0;
    for (int i = optind; i < argc; i++) status |= make(argv[i], parents, mode);
    return status;
}
