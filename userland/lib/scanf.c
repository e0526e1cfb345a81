/*
 * scanf.c: scanf, fscanf, sscanf and their v forms: formatted input, as glibc reads it.
 *
 * The format is a sequence of directives, each applied to the input in turn:
 *   - white space in the format skips any amount of white space in the input (none too);
 *   - an ordinary character must be the next input character, or scanning stops;
 *   - a conversion "%[*][width][length]conv" reads one field. All but %c, %[ and %n skip
 *     white space first. '*' reads the field without storing it; width limits how many
 *     characters the field may take; length (hh h l ll j z t L q) gives the size of the
 *     variable the argument points to.
 * scanf returns how many fields it stored. It stops early on a "matching failure" (the
 * input does not fit the directive) or an "input failure" (the input ended); an input
 * failure before anything was stored makes the result EOF (-1), and so does a field too
 * long for the memory left (errno ENOMEM).
 *
 * A field is recognized one character at a time, and the character that ends it is
 * pushed back for the next directive. A stream can push back only that one character
 * (ungetc), so characters that looked like the start of more number and were not stay
 * consumed: "1e+x" read with %lf gives 1 and leaves "x"; "-x" read with %d fails and
 * leaves "x". glibc 2.36 reads them the same way.
 *
 * Numbers are converted by the functions that define them: integers by strtol and
 * strtoul, floating point by strtod's parser (fp_parse.h), which gives the bits stored
 * through the float or double pointer. So %d overflows as strtol does, and %lf rounds as
 * strtod does.
 *
 * THREADS: fscanf holds the stream's lock for the whole call, as glibc does, so another
 * thread's read cannot take characters from the middle of a field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include "stdio_impl.h"
#include "fp_parse.h"

/* Where characters come from: a stream or sscanf's string. */
struct input {
    FILE *f;                 /* the stream, or NULL */
    const unsigned char *s;  /* the string, when f is NULL */
    long consumed;           /* characters read and not pushed back: what %n stores */
};

/* The next character, or EOF. */
static int get(struct input *in)
{
    int c;
    if (in->f) c = fgetc(in->f);
    else c = *in->s ? *in->s++ : EOF;
    if (c != EOF) in->consumed++;
    return c;
}

/* Pushes back c, the character get last returned (EOF pushes back nothing). */
static void unget(struct input *in, int c)
{
    if (c == EOF) return;
    in->consumed--;
    if (in->f) ungetc(c, in->f);
    else in->s--;
}

/* The characters of one numeric field, collected for strtol or strtod. It grows on the
 * heap past its first 64 bytes, since a number may have any number of digits. */
struct field {
    char *text;
    size_t len, cap;
    int no_memory;
    char small[64];
};

static void field_init(struct field *t)
{
    t->text = t->small;
    t->len = 0;
    t->cap = sizeof t->small;
    t->no_memory = 0;
}

static void field_add(struct field *t, int c)
{
    if (t->len + 1 >= t->cap) {
        char *bigger = malloc(t->cap * 2);
        if (!bigger) {
            t->no_memory = 1;
            return;
        }
        memcpy(bigger, t->text, t->len);
        if (t->text != t->small) free(t->text);
        t->text = bigger;
        t->cap *= 2;
    }
    t->text[t->len++] = (char)c;
    t->text[t->len] = 0;
}

static void field_free(struct field *t)
{
    if (t->text != t->small) free(t->text);
}

/* The size named by a conversion's length modifier. */
enum size { SIZE_INT, SIZE_CHAR, SIZE_SHORT, SIZE_LONG, SIZE_LLONG };

/* What a field reader reports. */
enum { FIELD_OK, MATCHING_FAILURE, INPUT_FAILURE, NO_MEMORY };

/* Stores an integer conversion's value through p, in the variable size given. */
static void store_integer(void *p, enum size size, unsigned long long v)
{
    switch (size) {
    case SIZE_CHAR: *(unsigned char *)p = (unsigned char)v; break;
    case SIZE_SHORT: *(unsigned short *)p = (unsigned short)v; break;
    case SIZE_LONG: *(unsigned long *)p = (unsigned long)v; break;
    case SIZE_LLONG: *(unsigned long long *)p = v; break;
    default: *(unsigned int *)p = (unsigned int)v; break;
    }
}

/*
 * Reads an integer field in *base_io (0 for C's prefixes, 8, 10 or 16) into t: a sign,
 * then "0x" where base 16 allows it, then digits, and sets *base_io to the base they are
 * in. %p also takes "(nil)", printf's null pointer.
 */
static int read_integer(struct input *in, int width, int *base_io, int pointer, struct field *t)
{
    int base = *base_io;
    int c = get(in);
    if (c == EOF) return INPUT_FAILURE;
    if (c == '-' || c == '+') {
        field_add(t, c);
        if (width > 0) width--;
        c = get(in);
    }
    if (width != 0 && c == '0') {
        if (width > 0) width--;
        field_add(t, c);
        c = get(in);
        if (width != 0 && tolower(c) == 'x') {
            if (base == 0) base = 16;
            if (base == 16) {
                /* The x is consumed, but only the digits go to strtol: "0x" alone is 0. */
                if (width > 0) width--;
                c = get(in);
            }
        } else if (base == 0) {
            base = 8;
        }
    }
    if (base == 0) base = 10;
    *base_io = base;
    while (c != EOF && width != 0) {
        if (base == 16 ? !isxdigit(c) : !isdigit(c) || c - '0' >= base) break;
        field_add(t, c);
        if (width > 0) width--;
        c = get(in);
    }
    if (t->len == 0 || (t->len == 1 && (t->text[0] == '-' || t->text[0] == '+'))) {
        /* Each get updates c, so that a failed match pushes back the last character read. */
        if (t->len == 0 && pointer && (width < 0 || width >= 5) && c == '(' && tolower(c = get(in)) == 'n' &&
            tolower(c = get(in)) == 'i' && tolower(c = get(in)) == 'l' && (c = get(in)) == ')') {
            field_add(t, '0');
            return FIELD_OK;
        }
        unget(in, c);
        return MATCHING_FAILURE;
    }
    unget(in, c);
    return FIELD_OK;
}

/*
 * Reads the letters of word (lower case, its first letter already read and stored) into
 * t; a matching failure if the input spells something else or the width runs out.
 */
static int read_word(struct input *in, int *width, const char *word, struct field *t)
{
    int c;
    for (word++; *word; word++) {
        if (*width == 0 || (c = get(in)) == EOF || tolower(c) != *word) return MATCHING_FAILURE;
        if (*width > 0) (*width)--;
        field_add(t, c);
    }
    return FIELD_OK;
}

/*
 * Reads a floating-point field into t: what strtod accepts (see strtod.c), one character
 * at a time. A field without a digit ("-", ".", "0x") is a matching failure; one that
 * stops inside its exponent ("1e+") is the number before the 'e' for strtod.
 */
static int read_float(struct input *in, int width, struct field *t)
{
    int c = get(in), digit = 0, point = 0, exponent = 0, hex = 0, signed_field = 0;
    if (width > 0) width--;
    if (c == EOF) return INPUT_FAILURE;
    if (c == '-' || c == '+') {
        signed_field = 1;
        field_add(t, c);
        if (width == 0 || (c = get(in)) == EOF) return MATCHING_FAILURE;
        if (width > 0) width--;
    }
    if (tolower(c) == 'n') {
        field_add(t, c);
        return read_word(in, &width, "nan", t);
    }
    if (tolower(c) == 'i') {
        field_add(t, c);
        if (read_word(in, &width, "inf", t) != FIELD_OK) return MATCHING_FAILURE;
        if (width != 0 && (c = get(in)) != EOF) {
            if (tolower(c) != 'i') {
                unget(in, c);
                return FIELD_OK;
            }
            if (width > 0) width--;
            field_add(t, c);
            return read_word(in, &width, "inity", t);
        }
        return FIELD_OK;
    }
    if (width != 0 && c == '0') {
        /* A leading 0 may start "0x", if the width leaves room for a digit after it. */
        field_add(t, c);
        c = get(in);
        if (width > 0) width--;
        if (width != 0 && tolower(c) == 'x') {
            field_add(t, c);
            hex = 1;
            c = get(in);
            if (width > 0) width--;
        } else {
            digit = 1;
        }
    }
    for (;;) {
        if (isdigit(c) || (hex && !exponent && isxdigit(c))) {
            field_add(t, c);
            digit = 1;
        } else if (exponent && t->text[t->len - 1] == (hex ? 'p' : 'e') && (c == '-' || c == '+')) {
            field_add(t, c);
        } else if (digit && !exponent && tolower(c) == (hex ? 'p' : 'e')) {
            field_add(t, tolower(c));
            exponent = point = 1;
        } else if (c == '.' && !point) {
            field_add(t, c);
            point = 1;
        } else {
            unget(in, c);
            break;
        }
        if (width == 0 || (c = get(in)) == EOF) break;
        if (width > 0) width--;
    }
    if (t->len == (size_t)signed_field || (hex && t->len == (size_t)(2 + signed_field))) return MATCHING_FAILURE;
    return FIELD_OK;
}

/*
 * Reads characters into dst (unless NULL) while member[c] is set, at most width (all if
 * negative); a matching failure if there is none, an input failure at end of input.
 */
static int read_set(struct input *in, int width, const char *member, char *dst)
{
    long start = in->consumed;
    int c = get(in);
    if (c == EOF) return INPUT_FAILURE;
    do {
        if (!member[c]) {
            unget(in, c);
            break;
        }
        if (dst) *dst++ = (char)c;
    } while ((width < 0 || --width > 0) && (c = get(in)) != EOF);
    if (in->consumed == start) return MATCHING_FAILURE;
    if (dst) *dst = 0;
    return FIELD_OK;
}

/*
 * Parses the scanset of %[ at f (just after the '['): "^" negates it, a ']' or '-' first
 * is a member, "a-z" is a range when its ends are in order. Returns the format after the
 * closing ']', or NULL if there is none.
 */
static const unsigned char *parse_scanset(const unsigned char *f, char member[256])
{
    int negate = 0, c, i;
    char in_set[256];
    memset(in_set, 0, sizeof in_set);
    if (*f == '^') {
        negate = 1;
        f++;
    }
    if (*f == ']' || *f == '-') in_set[*f++] = 1;
    while ((c = *f++) != 0 && c != ']') {
        if (c == '-' && *f != 0 && *f != ']' && f[-2] <= *f) {
            for (i = f[-2]; i < *f; i++) in_set[i] = 1;
        } else {
            in_set[c] = 1;
        }
    }
    if (c == 0) return 0;
    for (i = 0; i < 256; i++) member[i] = (char)(in_set[i] != negate);
    return f;
}

/* The engine under every scanf. */
static int scan(struct input *in, const char *format, va_list ap)
{
    const unsigned char *f = (const unsigned char *)format;
    int done = 0, skip_space = 0, failure = 0;
    char member[256];
    while (*f && !failure) {
        int c, fc = *f++, suppress = 0, width = 0, base = 0, pointer = 0;
        enum size size = SIZE_INT;
        struct field t;
        void *arg = 0;
        if (fc != '%') {
            if (isspace(fc)) {
                skip_space = 1; /* done lazily, by whatever reads next */
                continue;
            }
            if ((c = get(in)) == EOF) {
                failure = INPUT_FAILURE;
                break;
            }
            if (skip_space) {
                while (isspace(c)) {
                    if ((c = get(in)) == EOF) break;
                }
                skip_space = 0;
                if (c == EOF) {
                    failure = INPUT_FAILURE;
                    break;
                }
            }
            if (c != fc) {
                unget(in, c);
                failure = MATCHING_FAILURE;
            }
            continue;
        }
        if (*f == '*') {
            suppress = 1;
            f++;
        }
        while (isdigit(*f)) {
            if (width < 100000000) width = width * 10 + (*f - '0');
            f++;
        }
        if (width == 0) width = -1; /* no width (0 means none, as in glibc) */
        switch (*f) {
        case 'h':
            size = f[1] == 'h' ? SIZE_CHAR : SIZE_SHORT;
            f += size == SIZE_CHAR ? 2 : 1;
            break;
        case 'l':
            size = f[1] == 'l' ? SIZE_LLONG : SIZE_LONG;
            f += size == SIZE_LLONG ? 2 : 1;
            break;
        case 'L': case 'q':
            size = SIZE_LLONG; /* long long, or long double for a float */
            f++;
            break;
        case 'j': case 'z': case 't':
            size = SIZE_LONG; /* intmax_t, size_t and ptrdiff_t are 64 bits */
            f++;
            break;
        }
        fc = *f;
        if (fc == 0) {
            failure = MATCHING_FAILURE;
            break;
        }
        f++;
        if (skip_space || (fc != '[' && fc != 'c' && fc != 'n')) {
            do c = get(in);
            while (isspace(c));
            unget(in, c);
            skip_space = 0;
        }
        if (!suppress && fc != '%') arg = va_arg(ap, void *);
        field_init(&t);
        switch (fc) {
        case '%':
            if ((c = get(in)) == EOF) {
                failure = INPUT_FAILURE;
            } else if (c != '%') {
                unget(in, c);
                failure = MATCHING_FAILURE;
            }
            break;
        case 'n':
            /* Not a field: the count so far, which does not add to the result. */
            if (arg) store_integer(arg, size, (unsigned long long)in->consumed);
            break;
        case 'c':
            if (width < 0) width = 1;
            if ((c = get(in)) == EOF) {
                failure = INPUT_FAILURE;
                break;
            }
            /* Exactly width characters, or as many as there are before the end. */
            {
                char *dst = arg;
                do {
                    if (dst) *dst++ = (char)c;
                } while (--width > 0 && (c = get(in)) != EOF);
            }
            done += !suppress;
            break;
        case 's':
            for (c = 0; c < 256; c++) member[c] = !isspace(c);
            failure = read_set(in, width, member, arg);
            done += !failure && !suppress;
            break;
        case '[':
        {
            const unsigned char *after = parse_scanset(f, member);
            if (!after) {
                failure = MATCHING_FAILURE;
                break;
            }
            f = after;
        }
            failure = read_set(in, width, member, arg);
            done += !failure && !suppress;
            break;
        case 'o': case 'u': case 'x': case 'X': case 'p':
            base = fc == 'o' ? 8 : fc == 'u' ? 10 : 16;
            pointer = fc == 'p';
            if (pointer) size = SIZE_LONG;
            failure = read_integer(in, width, &base, pointer, &t);
            if (!failure && !t.no_memory) {
                unsigned long long v = strtoull(t.text, 0, base);
                if (arg) store_integer(arg, size, v);
                done += !suppress;
            }
            break;
        case 'd': base = 10; /* fall through */
        case 'i':
            failure = read_integer(in, width, &base, 0, &t);
            if (!failure && !t.no_memory) {
                long long v = strtoll(t.text, 0, base);
                if (arg) store_integer(arg, size, (unsigned long long)v);
                done += !suppress;
            }
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            failure = read_float(in, width, &t);
            if (!failure && !t.no_memory) {
                /* l (and j z t) mean double; L, ll and q long double, which is double on
                 * Clonix; no length, h or hh, float. */
                int single = size != SIZE_LONG && size != SIZE_LLONG;
                char *end;
                unsigned long long bits = __strtofp(t.text, &end, single ? &__fp_binary32 : &__fp_binary64);
                if (end == t.text) {
                    failure = MATCHING_FAILURE;
                } else {
                    if (arg && single) *(unsigned int *)arg = (unsigned int)bits;
                    else if (arg) *(unsigned long long *)arg = bits;
                    done += !suppress;
                }
            }
            break;
        default:
            failure = MATCHING_FAILURE;
            break;
        }
        if (t.no_memory) failure = NO_MEMORY;
        field_free(&t);
    }
    if (!failure && skip_space) {
        int c;
        do c = get(in);
        while (isspace(c));
        unget(in, c);
    }
    if (failure == NO_MEMORY) {
        /* A field too long for the heap: glibc gives up with ENOMEM. */
        errno = ENOMEM;
        return EOF;
    }
    return failure == INPUT_FAILURE && done == 0 ? EOF : done;
}

int vsscanf(const char *s, const char *format, va_list ap)
{
    struct input in;
    in.f = 0;
    in.s = (const unsigned char *)s;
    in.consumed = 0;
    return scan(&in, format, ap);
}

int vfscanf(FILE *f, const char *format, va_list ap)
{
    struct input in;
    int n;
    in.f = f;
    in.s = 0;
    in.consumed = 0;
    FLOCK(f);
    n = scan(&in, format, ap);
    FUNLOCK(f);
    return n;
}

int vscanf(const char *format, va_list ap) { return vfscanf(stdin, format, ap); }

int sscanf(const char *s, const char *format, ...)
{
    va_list ap;
    int n;
    va_start(ap, format);
    n = vsscanf(s, format, ap);
    va_end(ap);
    return n;
}

int fscanf(FILE *f, const char *format, ...)
{
    va_list ap;
    int n;
    va_start(ap, format);
    n = vfscanf(f, format, ap);
    va_end(ap);
    return n;
}

int scanf(const char *format, ...)
{
    va_list ap;
    int n;
    va_start(ap, format);
    n = vfscanf(stdin, format, ap);
    va_end(ap);
    return n;
}
