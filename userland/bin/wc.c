/*
 * wc: count lines (-l), words (-w) and bytes (-c) of each file, or of standard input.
 * Without options all three are printed. The layout is coreutils': the counts are
 * right-aligned in a common width, which is the number of digits of the total size of the
 * regular files (at least 7 if some input is not a regular file, such as a pipe), or no
 * padding at all for a single count of a single input; several files add a "total" line.
 * A word is a run of printable characters delimited by white space ("C" locale).
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct counts {
    long lines, words, bytes;
};

static char buffer[8192];
static int show_lines, show_words, show_bytes;

/* Adds the counts of fd to *c; 0 or the errno of a failed read. */
static int count_fd(int fd, struct counts *c) {
    int in_word = 0;
    for (;;) {
        long n = read(fd, buffer, sizeof buffer);
        if (n < 0) return errno;
        if (n == 0) return 0;
        c->bytes += n;
        for (long i = 0; i < n; i++) {
            int ch = (unsigned char) buffer[i];
            if (ch == '\n') c->lines++;
            if (isspace(ch)) {
                in_word = 0;
            } else if (isprint(ch) && !in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
}

/* One output line: the selected counts in the common width, then the name if any. */
static void print_counts(struct counts *c, int width, const char *name) {
    long values[3] = {c->lines, c->words, c->bytes};
    int shown[3] = {show_lines, show_words, show_bytes};
    const char *sep = "";
    for (int i = 0; i < 3; i++) {
        if (!shown[i]) continue;
        printf("%s%*ld", sep, width, values[i]);
        sep = " ";
    }
    if (name != NULL) printf(" %s", name);
    putchar('\n');
}

/* The column width coreutils' compute_number_width would choose for these inputs. */
static int number_width(char **names, int n) {
    if (n == 1 && show_lines + show_words + show_bytes == 1) return 1;
    long regular_total = 0;
    int width = 1, minimum = 1;
    for (int i = 0; i < n; i++) {
        struct stat st;
        int ok = strcmp(names[i], "-") == 0 ? fstat(0, &st) : stat(names[i], &st);
        if (ok < 0) continue;
        if (S_ISREG(st.st_mode)) regular_total += st.st_size;
        else minimum = 7;
    }
    for (; regular_total >= 10; regular_total /= 10) width++;
    return width < minimum ? minimum : width;
}

int main(int argc, char **argv) {
    int c;
    while ((c = getopt(argc, argv, "lwc")) != -1) {
        if (c == 'l') show_lines = 1;
        else if (c == 'w') show_words = 1;
        else if (c == 'c') show_bytes = 1;
        else {
            fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
            return 1;
        }
    }
    if (!show_lines && !show_words && !show_bytes) show_lines = show_words = show_bytes = 1;
    char *stdin_only[] = {"-"};
    int n = argc - optind;
    char **names = n > 0 ? argv + optind : stdin_only;
    int width = number_width(names, n > 0 ? n : 1);
    struct counts total = {0, 0, 0};
    int status = 0;
    for (int i = 0; i < (n > 0 ? n : 1); i++) {
        struct counts one = {0, 0, 0};
        int is_stdin = strcmp(names[i], "-") == 0;
        int fd = is_stdin ? 0 : open(names[i], O_RDONLY);
        int err = fd < 0 ? errno : count_fd(fd, &one);
        if (fd > 0) close(fd);
        if (err != 0) {
            fflush(stdout);
            fprintf(stderr, "%s: %s: %s\n", argv[0], names[i], strerror(err));
            status = 1;
            if (fd < 0) continue;
        }
        print_counts(&one, width, n > 0 ? names[i] : NULL);
        total.lines += one.lines;
        total.words += one.words;
        total.bytes += one.bytes;
    }
    if (n > 1) print_counts(&total, width, "total");
    return status;
}
