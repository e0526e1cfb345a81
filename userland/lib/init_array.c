/*
 * init_array.c: running the constructors and destructors (__attribute__((constructor)),
 * ((destructor))), as a static glibc does.
 *
 * The compiler puts a pointer to each in .init_array or .fini_array, and the linker
 * provides the bounds of the two arrays as symbols (docs/executable.md, "Constructors and
 * destructors"). crt0 runs the constructors in array order once the main thread's TLS
 * block exists, so they may use errno and stdio, and before main. exit runs the
 * destructors in reverse order after every atexit handler, even those the constructors
 * registered: glibc registers its own destructor-runner before the constructors run, so
 * it is the last handler called.
 */
#include "libc.h"

typedef void (*init_fn)(int, char **, char **);
typedef void (*fini_fn)(void);

extern init_fn __init_array_start[], __init_array_end[];
extern fini_fn __fini_array_start[], __fini_array_end[];

void __libc_init_array(int argc, char **argv, char **envp)
{
    /* Like glibc, each constructor is passed main's arguments; one declared (void) ignores them. */
    for (init_fn *f = __init_array_start; f < __init_array_end; f++) (*f)(argc, argv, envp);
}

void __libc_fini_array(void)
{
    for (fini_fn *f = __fini_array_end; f > __fini_array_start;) (*--f)();
}
