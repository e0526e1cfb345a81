/*
 * grep: print the lines of files (or standard input) that match a pattern.
 *     grep [-vinqcF] PATTERN [FILE]...
 * -v selects the lines that do not match, -i ignores case, -n prefixes line numbers, -c
 * prints only the count of selected lines, -q prints nothing (the status tells), -F takes
 * the pattern as a fixed string. With several files each line (or count) is prefixed by
 * "FILE:". The exit status is 0 if a line was selected, 1 if none, 2 on an error.
 *
 * Patterns are a subset of POSIX basic regular expressions: c (itself), . (any character),
 * [set] and [^set] with ranges a-z, x* (zero or more x), ^ at the start and $ at the end
 * (anchors), and \c for a literal c. The matcher is the backtracking one of Kernighan and
 * Pike ("The Practice of Programming", chapter 9), extended to sets.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int ignore_case, invert, number_lines, count_only, quiet, fixed;

/* Length of the pattern item at re: a literal, '.', "\c" or a whole "[...]" set. */
static int item_length(const char *re) {
    if (re[0] == '\\' && re[1] != 0) return 2;
    if (re[0] != '[') return 1;
    int i = 1;
    if (re[i] == '^') i++;
    if (re[i] == ']') i++; /* a ']' first in the set is a member */
    while (re[i] != 0 && re[i] != ']') i++;
    return re[i] == ']' ? i + 1 : 1;
}

/* c, lowered when -i is on, so that comparisons ignore case. */
static int fold(int c) {
    return ignore_case ? tolower(c) : c;
}

/* Whether the character c matches the single pattern item at re (of length len). */
static int item_matches(const char *re, int len, int c) {
    if (len == 2 && re[0] == '\\') return fold((unsigned char) re[1]) == fold(c);
    if (len == 1) return re[0] == '.' || fold((unsigned char) re[0]) == fold(c);
    int i = 1, negate = 0, found = 0;
    if (re[i] == '^') {
        negate = 1;
        i++;
    }
    /* re[len - 1] is the closing ']'; a ']' right after '[' or "[^" is a member. */
    for (; i < len - 1; i++) {
        int lo = (unsigned char) re[i], hi = lo;
        if (re[i + 1] == '-' && i + 2 < len - 1) {
            hi = (unsigned char) re[i + 2];
            i += 2;
        }
        if ((c >= lo && c <= hi) || (ignore_case && ((tolower(c) >= lo && tolower(c) <= hi) ||
                                                     (toupper(c) >= lo && toupper(c) <= hi))))
            found = 1;
    }
    return found != negate;
}

static int match_here(const char *re, const char *text);

/* Whether item* (the item at re, of length len) followed by rest matches at the start of
 * text: tries zero copies of the item, then one, two... (shortest first, which is enough
 * to decide whether a line matches). */
static int match_star(const char *re, int len, const char *rest, const char *text) {
    do {
        if (match_here(rest, text)) return 1;
    } while (*text != 0 && item_matches(re, len, (unsigned char) *text++));
    return 0;
}

/* Whether re matches at the start of text. */
static int match_here(const char *re, const char *text) {
    if (re[0] == 0) return 1;
    int len = item_length(re);
    if (re[len] == '*') return match_star(re, len, re + len + 1, text);
    if (re[0] == '$' && re[1] == 0) return *text == 0;
    if (*text != 0 && item_matches(re, len, (unsigned char) *text)) return match_here(re + len, text + 1);
    return 0;
}

/* Whether re matches anywhere in text. A leading '*' is literal, as in POSIX BREs. */
static int match(const char *re, const char *text) {
    if (re[0] == '^') return match_here(re + 1, text);
    do {
        if (match_here(re, text)) return 1;
    } while (*text++ != 0);
    return 0;
}

/* Whether the fixed string needle occurs in text (with -i, ignoring case). */
static int contains(const char *needle, const char *text) {
    size_t n = strlen(needle);
    for (; *text != 0 || n == 0; text++) {
        size_t i = 0;
        while (i < n && fold((unsigned char) text[i]) == fold((unsigned char) needle[i])) i++;
        if (i == n) return 1;
        if (*text == 0) break;
    }
    return 0;
}

static char line[65536];

/* Greps one open stream; returns the number of selected lines. */
static long grep_stream(FILE *in, const char *pattern, const char *label) {
    long selected = 0, number = 0;
    while (fgets(line, sizeof line, in) != NULL) {
        number++;
        size_t n = strlen(line);
        int had_newline = n > 0 && line[n - 1] == '\n';
        if (had_newline) line[n - 1] = 0;
        int hit = fixed ? contains(pattern, line) : match(pattern, line);
        if (hit == invert) continue;
        selected++;
        if (quiet) return selected;
        if (count_only) continue;
        if (label != NULL) printf("%s:", label);
        if (number_lines) printf("%ld:", number);
        printf("%s\n", line);
    }
    return selected;
}

int main(int argc, char **argv) {
    int c;
    while ((c = getopt(argc, argv, "vinqcF")) != -1) {
        switch (c) {
        case 'v': invert = 1; break;
        case 'i': ignore_case = 1; break;
        case 'n': number_lines = 1; break;
        case 'q': quiet = 1; break;
        case 'c': count_only = 1; break;
        case 'F': fixed = 1; break;
        default:
            fprintf(stderr, "Usage: %s [OPTION]... PATTERNS [FILE]...\n", argv[0]);
            fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
            return 2;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "Usage: %s [OPTION]... PATTERNS [FILE]...\n", argv[0]);
        fprintf(stderr, "Try '%s --help' for more information.\n", argv[0]);
        return 2;
    }
    const char *pattern = argv[optind++];
    int files = argc - optind, errors = 0;
    long total = 0;
    for (int i = 0; i < (files > 0 ? files : 1); i++) {
        const char *name = files > 0 ? argv[optind + i] : "-";
        int is_stdin = strcmp(name, "-") == 0;
        FILE *in = is_stdin ? stdin : fopen(name, "r");
        if (in == NULL) {
            if (!quiet) fprintf(stderr, "%s: %s: %s\n", argv[0], name, strerror(errno));
            errors = 1;
            continue;
        }
        const char *label = files > 1 ? (is_stdin ? "(standard input)" : name) : NULL;
        long selected = grep_stream(in, pattern, label);
        if (ferror(in)) {
            fflush(stdout);
            if (!quiet) fprintf(stderr, "%s: %s: %s\n", argv[0], name, strerror(errno));
            errors = 1;
        }
        if (!is_stdin) fclose(in);
        if (count_only && !quiet) {
            if (label != NULL) printf("%s:", label);
            printf("%ld\n", selected);
        }
        total += selected;
        if (quiet && total > 0) return 0;
    }
    if (errors && !(quiet && total > 0)) return 2;
    return total > 0 ? 0 : 1;
}
