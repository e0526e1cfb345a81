/*
 * scanf_streams.c: fscanf, vfscanf and scanf on streams, as glibc reads them: records
 * read in a loop until EOF, the one character a failed field pushes back (the rest of a
 * bad field stays consumed), the white space a format's trailing blank skips, and scanf
 * on an empty standard input.
 */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

static const char *path = "/tmp/scanf_streams.txt";

static void put(const char *text)
{
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

/* vfscanf under a function of our own, as a program's wrapper would call it. */
static int read_fields(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = vfscanf(f, fmt, ap);
    va_end(ap);
    return r;
}

/* Scans the file with fmt into two ints, then shows what is left. */
static void after(const char *text, const char *fmt)
{
    char rest[64];
    int a = -1, b = -1, r;
    FILE *f;
    put(text);
    f = fopen(path, "r");
    r = fscanf(f, fmt, &a, &b);
    if (!fgets(rest, sizeof rest, f)) strcpy(rest, "(end)");
    printf("\"%s\" with \"%s\": %d, %d %d, then \"%s\", eof %d\n", text, fmt, r, a, b, rest, feof(f));
    fclose(f);
}

int main(void)
{
    char name[16];
    unsigned long long bits;
    int qty, r, total = 0, c;
    FILE *f;

    put("apple 3 0.5\npear 10 1.25\n\nplum 7 2e-1\n");
    f = fopen(path, "r");
    while ((r = read_fields(f, "%15s %d %lf", name, &qty, (void *)&bits)) == 3) {
        printf("%s x%d at %016llx\n", name, qty, bits);
        total += qty;
    }
    printf("last fscanf %d, total %d, eof %d\n", r, total, feof(f));
    fclose(f);

    after("12abc", "%d");
    after("-x", "%d");
    after("1e+x", "%d");
    after("0xz", "%x");
    after("7,  8\n\nend", "%d,%d ");
    after("5 6", "%d%d");
    after("", "%d");
    after("  \n ", "%d");
    after("x", "%d");

    put("1e+z 2.5e");
    f = fopen(path, "r");
    r = fscanf(f, "%lf", (void *)&bits);
    c = fgetc(f);
    printf("%%lf of \"1e+z\": %d %016llx, next '%c'\n", r, bits, c);
    r = fscanf(f, "%lf", (void *)&bits);
    c = fgetc(f);
    printf("%%lf of \" 2.5e\": %d %016llx, next %d\n", r, bits, c);
    fclose(f);
    unlink(path);

    /* Standard input is empty here: the input fails before the first conversion. */
    r = scanf("%d", &qty);
    printf("scanf on empty stdin: %d\n", r);
    return 0;
}
