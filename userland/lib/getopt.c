/*
 * getopt.c: getopt(3) with glibc's behaviour.
 *
 * Options are scanned left to right; "-abc" is three options, and an option that takes an
 * argument takes the rest of its word ("-n5") or the next word ("-n 5"). As in glibc, the
 * arguments are permuted so that options may follow operands ("ls dir -l"): when getopt
 * returns -1, argv holds every option first and optind indexes the first operand. "--"
 * ends the options. A '+' at the start of optstring, or POSIXLY_CORRECT in the
 * environment, stops at the first operand instead. A ':' at the start (after any '+')
 * makes a missing argument return ':' and silences the messages.
 *
 * The messages are glibc's, on stderr, when opterr is non-zero:
 *     PROG: invalid option -- 'x'
 *     PROG: option requires an argument -- 'x'
 * getopt then returns '?' and sets optopt to the option character.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1;
int opterr = 1;
int optopt;

/* Where the next option character of the current word is; NULL between words. */
static char *next_char;
/* argv[first_nonopt, last_nonopt) are operands skipped so far, to be moved behind the options. */
static int first_nonopt = 1;
static int last_nonopt = 1;

/* An operand is a word not starting with '-', or "-" alone (standard input). */
static int is_operand(char *arg) {
    return arg[0] != '-' || arg[1] == 0;
}

/* Reverses argv[from, to): three reversals make the rotation exchange() needs. */
static void reverse(char **argv, int from, int to) {
    for (to--; from < to; from++, to--) {
        char *t = argv[from];
        argv[from] = argv[to];
        argv[to] = t;
    }
}

/* Moves the operands argv[first_nonopt, last_nonopt) behind the options argv[last_nonopt, optind). */
static void exchange(char **argv) {
    reverse(argv, first_nonopt, last_nonopt);
    reverse(argv, last_nonopt, optind);
    reverse(argv, first_nonopt, optind);
    first_nonopt += optind - last_nonopt;
    last_nonopt = optind;
}

/* Moves operands skipped so far behind the options just processed. */
static void gather_operands(char **argv) {
    if (first_nonopt != last_nonopt && last_nonopt != optind) exchange(argv);
    else if (last_nonopt != optind) first_nonopt = optind;
}

/*
 * The next option character of argv, '?' for an unknown option or a missing argument
 * (':' for the latter when optstring starts with ':'), or -1 when the options are over.
 * Setting optind to 0 (or 1 after a finished scan) starts a new scan.
 */
int getopt(int argc, char *const argv_const[], const char *optstring) {
    char **argv = (char **) argv_const;
    if (optind == 0) {
        optind = 1;
        next_char = NULL;
    }
    if (optind == 1 && next_char == NULL) first_nonopt = last_nonopt = 1;
    int permute = 1;
    if (*optstring == '+') {
        permute = 0;
        optstring++;
    } else if (getenv("POSIXLY_CORRECT") != NULL) {
        permute = 0;
    }
    int colon = *optstring == ':';
    if (colon) optstring++;
    optarg = NULL;

    if (next_char == NULL || *next_char == 0) {
        next_char = NULL;
        if (last_nonopt > optind) last_nonopt = optind;
        if (first_nonopt > optind) first_nonopt = optind;
        if (permute) {
            gather_operands(argv);
            while (optind < argc && is_operand(argv[optind])) optind++;
            last_nonopt = optind;
        }
        if (optind < argc && strcmp(argv[optind], "--") == 0) {
            optind++;
            gather_operands(argv);
            if (first_nonopt == last_nonopt) first_nonopt = optind;
            last_nonopt = argc;
            optind = argc;
        }
        if (optind >= argc) {
            if (first_nonopt != last_nonopt) optind = first_nonopt;
            return -1;
        }
        if (is_operand(argv[optind])) return -1; /* only without permutation */
        next_char = argv[optind] + 1;
    }

    int c = (unsigned char) *next_char++;
    const char *spec = c == ':' ? NULL : strchr(optstring, c);
    if (*next_char == 0) optind++;
    if (spec == NULL) {
        optopt = c;
        if (opterr && !colon) fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
        return '?';
    }
    if (spec[1] == ':') {
        if (*next_char != 0) {
            optarg = next_char;
            optind++;
        } else if (spec[2] == ':') {
            optarg = NULL; /* an optional argument must be in the same word */
        } else if (optind < argc) {
            optarg = argv[optind++];
        } else {
            optopt = c;
            next_char = NULL;
            if (colon) return ':';
            if (opterr) fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
            return '?';
        }
        next_char = NULL;
    }
    return c;
}
