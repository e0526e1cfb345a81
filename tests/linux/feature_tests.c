/*
 * gcc's feature tests in #if: __has_attribute, __has_builtin and __has_include give the
 * same answers under Clonix as under gcc for the attributes and builtins Clonix supports,
 * and 0 for names that are none. Each test's value is printed as #if computes it.
 */
#include <stdio.h>

#define SHOW(name, value) printf("%-45s %ld\n", name, (long)(value))

int main(void) {
#if __has_attribute(packed) && __has_attribute(__aligned__)
    SHOW("__has_attribute(packed) && (__aligned__)", 1);
#endif
#if __has_attribute(constructor) == 1 && __has_attribute(destructor) == 1
    SHOW("__has_attribute(constructor), (destructor)", 1);
#endif
#if __has_attribute(noreturn) && __has_attribute(format) && __has_attribute(unused)
    SHOW("__has_attribute(noreturn), (format), (unused)", 1);
#endif
#if __has_attribute(gnu::packed)
    SHOW("__has_attribute(gnu::packed)", 1);
#endif
#if __has_attribute(deprecated) == 201904
    SHOW("__has_attribute(deprecated)", 201904);
#endif
#if !__has_attribute(no_such_attribute) && !__has_attribute(nosuch::packed)
    SHOW("__has_attribute(no_such_attribute)", 0);
#endif
#if __has_builtin(__builtin_expect) && __has_builtin(__builtin_offsetof) && __has_builtin(__builtin_alloca)
    SHOW("__has_builtin(__builtin_expect), ...", 1);
#endif
#if __has_builtin(__builtin_types_compatible_p) && __has_builtin(__builtin_va_start)
    SHOW("__has_builtin(__builtin_types_compatible_p)", 1);
#endif
#if __has_builtin(__builtin_sqrt) && __has_builtin(__builtin_nanf) && __has_builtin(__builtin_isnan)
    SHOW("__has_builtin(__builtin_sqrt), (nanf), (isnan)", 1);
#endif
#if __has_builtin(__sync_fetch_and_add) && __has_builtin(__atomic_compare_exchange_n)
    SHOW("__has_builtin(__sync_fetch_and_add), ...", 1);
#endif
#if !__has_builtin(__builtin_va_arg) && !__has_builtin(printf) && !__has_builtin(__builtin_nosuch)
    SHOW("__has_builtin(__builtin_va_arg), (printf)", 0);
#endif
#if defined(__has_attribute) && defined __has_builtin && defined(__has_include)
    SHOW("defined(__has_attribute), ...", 1);
#endif
#if __has_include(<stdio.h>) && !__has_include("no_such_header.h")
    SHOW("__has_include(<stdio.h>)", 1);
#endif
    return 0;
}
