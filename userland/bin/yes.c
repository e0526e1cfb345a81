/*
 * yes: print a line over and over until the output is closed. The line is the arguments
 * joined by spaces, or "y". As coreutils does, the line is repeated to fill a buffer that is
 * written in one write(2), so a pipe reader gets big chunks; the program ends when a write
 * fails (SIGPIPE kills it first when the reader of a pipe has gone).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define BUFFER_SIZE 8192

static char buffer[BUFFER_SIZE];

int main(int argc, char **argv) {
    int len = 0;
    if (argc < 2) {
        buffer[len++] = 'y';
    } else {
        for (int i = 1; i < argc; i++) {
            size_t n = strlen(argv[i]);
            if (len + n + 1 > BUFFER_SIZE / 2) {
                fprintf(stderr, "%s: argument list too long\n", argv[0]);
                return 1;
            }
            if (i > 1) buffer[len++] = ' ';
            memcpy(buffer + len, argv[i], n);
            len += (int) n;
        }
    }
    buffer[len++] = '\n';
    int line = len;
    while (len + line <= BUFFER_SIZE) {
        memcpy(buffer + len, buffer, line);
        len += line;
    }
    for (;;) {
        if (write(1, buffer, len) < 0) {
            fprintf(stderr, "%s: standard output: %s\n", argv[0], strerror(errno));
            return 1;
        }
    }
}
