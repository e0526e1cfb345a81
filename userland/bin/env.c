/*
 * env: print the environment, or run a command in a changed one, as coreutils' env.
 *     env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]
 * -i starts from an empty environment, -u removes NAME, NAME=VALUE sets a variable. With a
 * command it is run with execvp (found through PATH); if it cannot be run, env prints
 * "env: 'COMMAND': reason" and exits with 127 (not found) or 126 (found, not runnable).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int c;
    /* '+': options stop at the first operand, so "env ls -l" passes -l to ls. */
    while ((c = getopt(argc, argv, "+iu:")) != -1) {
        if (c == 'i') {
            clearenv();
        } else if (c == 'u') {
            unsetenv(optarg);
        } else {
            fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
            return 125;
        }
    }
    int i = optind;
    if (i < argc && strcmp(argv[i], "-") == 0) {
        clearenv();
        i++;
    }
    for (; i < argc && strchr(argv[i], '=') != NULL; i++) {
        if (putenv(argv[i]) != 0) {
            fprintf(stderr, "%s: cannot set '%s': %s\n", argv[0], argv[i], strerror(errno));
            return 125;
        }
    }
    if (i == argc) {
        for (char **e = environ; e != NULL && *e != NULL; e++) puts(*e);
        return 0;
    }
    execvp(argv[i], argv + i);
    int err = errno;
    fprintf(stderr, "%s: '%s': %s\n", argv[0], argv[i], strerror(err));
    return err == ENOENT ? 127 : 126;
}
