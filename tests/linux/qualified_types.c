/*
 * Qualified types (C11 6.2.5, 6.7.3) as gcc has them: _Generic and
 * __builtin_types_compatible_p tell const, volatile and restrict versions of a type
 * apart, and char, signed char and unsigned char are three types.
 */
#include <stdio.h>

#define KIND(e) _Generic((e), \
    int: "int", const int *: "const int *", int *: "int *", volatile int *: "volatile int *", \
    const volatile int *: "const volatile int *", int *const *: "int *const *", \
    char: "char", signed char: "signed char", unsigned char: "unsigned char", \
    char *: "char *", const char *: "const char *", signed char *: "signed char *", \
    const struct point *: "const struct point *", struct point *: "struct point *", \
    const int (*)[3]: "const int (*)[3]", int (*)[3]: "int (*)[3]", \
    default: "other")

struct point { int x, y; };
typedef const int cint;
typedef int row[3];

static const int answer(void) { return 42; }

static int sum(const int *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += v[i];
    return s;
}

int main(void) {
    const int ci = 1;
    volatile int vi = 2;
    const volatile int cvi = 3;
    int i = 4, *restrict rp = &i;
    int *const cp = &i;
    cint alias = 5;
    const row cr = {1, 2, 3};
    const struct point origin = {0, 0};
    char c = 'c';
    signed char sc = -1;
    unsigned char uc = 255;

    /* The controlling expression is lvalue-converted: its own qualifiers go (DR 481). */
    printf("ci: %s, &ci: %s\n", KIND(ci), KIND(&ci));
    printf("vi: %s, &vi: %s\n", KIND(vi), KIND(&vi));
    printf("cvi: %s, &cvi: %s\n", KIND(cvi), KIND(&cvi));
    printf("rp: %s, cp: %s, &cp: %s\n", KIND(rp), KIND(cp), KIND(&cp));
    printf("alias: %s, &alias: %s\n", KIND(alias), KIND(&alias));
    /* A qualified array type is an array of qualified elements. */
    printf("cr: %s, &cr: %s, cr[0]: %s\n", KIND(cr), KIND(&cr), KIND(cr[0]));
    /* A member of a const struct is const. */
    printf("&origin: %s, &origin.x: %s\n", KIND(&origin), KIND(&origin.x));
    printf("c: %s, sc: %s, uc: %s\n", KIND(c), KIND(sc), KIND(uc));
    printf("&c: %s, &sc: %s, \"lit\": %s\n", KIND(&c), KIND(&sc), KIND("lit"));
    /* A cast, a call and an assignment give values, which are unqualified. */
    printf("(const int)i: %s, answer(): %s\n", KIND((const int)i), KIND(answer()));
    printf("ci + 1: %s, i = ci: %s\n", KIND(ci + 1), KIND(i = ci));
    printf("typeof(ci) keeps const: %s\n", KIND((__typeof__(ci) *)0));

    printf("int/const int: %d\n", __builtin_types_compatible_p(int, const int));
    printf("int */const int *: %d\n", __builtin_types_compatible_p(int *, const int *));
    printf("int *const/int *: %d\n", __builtin_types_compatible_p(int *const, int *));
    printf("char/signed char: %d\n", __builtin_types_compatible_p(char, signed char));
    printf("char/unsigned char: %d\n", __builtin_types_compatible_p(char, unsigned char));
    printf("signed char/signed char: %d\n", __builtin_types_compatible_p(signed char, signed char));
    printf("const row/const int[3]: %d\n", __builtin_types_compatible_p(const row, const int[3]));
    printf("volatile int */int *: %d\n", __builtin_types_compatible_p(volatile int *, int *));

    /* Passing int * where const int * is expected needs no conversion. */
    int v[] = {1, 2, 3, 4};
    printf("sum %d, answer %d, values %d %d %d %d %d %d\n", sum(v, 4), answer(), ci, vi, cvi, alias,
           cr[2], origin.y + *rp + *cp);
    /* Pointers to differently qualified versions of a type subtract and compare; ?: keeps
     * the qualifiers of both. */
    const int *end = v + 4;
    printf("end - v: %td, end > v: %d, v == end - 4: %d\n", end - v, end > v, v == end - 4);
    printf("1 ? end : v: %s, 0 ? v : (volatile int *)v: %s\n", KIND(1 ? end : v), KIND(0 ? v : (volatile int *)v));
    printf("char %d, signed char %d, unsigned char %d\n", c, sc, uc);
    return 0;
}
