/*
 * getopt as glibc does it: grouped options, attached and separate arguments, "--", and the
 * permutation that moves operands behind the options; '+' and a leading ':' in optstring.
 */
#include <stdio.h>
#include <unistd.h>

static void scan(const char *optstring, int argc, char **argv) {
    int c;
    optind = 0;
    opterr = 0;
    printf("%s:", optstring);
    while ((c = getopt(argc, argv, optstring)) != -1) {
        if (c == '?' || c == ':') printf(" %c(%c)", c, optopt);
        else if (optarg != NULL) printf(" %c=%s", c, optarg);
        else printf(" %c", c);
    }
    printf(" | optind=%d |", optind);
    for (int i = 1; i < argc; i++) printf(" %s", argv[i]);
    printf("\n");
}

int main(void) {
    char *a[] = {"prog", "-ab", "-n5", "-n", "7", "file", NULL};
    scan("abn:", 6, a);
    char *b[] = {"prog", "one", "-a", "two", "-n", "3", "three", NULL};
    scan("abn:", 7, b);
    char *c[] = {"prog", "one", "-a", "--", "-b", "two", NULL};
    scan("ab", 6, c);
    char *d[] = {"prog", "one", "-a", "two", NULL};
    scan("+ab", 4, d);
    char *e[] = {"prog", "-x", "-n", NULL};
    scan("n:", 3, e);
    char *f[] = {"prog", "-a", "-n", NULL};
    scan(":an:", 3, f);
    char *g[] = {"prog", "-", "-a", "x", "-", NULL};
    scan("a", 5, g);
    char *h[] = {"prog", NULL};
    scan("a", 1, h);
    return 0;
}
