/*
 * fenv.h: the floating-point environment.
 *
 * Clonix's floating point (docs/isa.md) rounds to nearest, ties to even, always, and keeps
 * no exception flags: an operation that overflows or is invalid just gives its IEEE result
 * (inf, NaN). So FE_TONEAREST is the only rounding mode, fesetround accepts only it, and
 * the exception functions work on an empty set of flags (FE_ALL_EXCEPT is 0), as C11
 * allows for an implementation that supports no exceptions.
 */
#ifndef _FENV_H
#define _FENV_H

/* glibc's x86-64 value, so that programs that print it print the same. */
#define FE_TONEAREST 0
#define FE_ALL_EXCEPT 0

typedef unsigned int fexcept_t;
/* The whole environment: only the rounding mode, which never changes. */
typedef struct { unsigned int __round; } fenv_t;

#define FE_DFL_ENV ((const fenv_t *)0)

/* The rounding mode: always FE_TONEAREST. */
int fegetround(void);
/* Returns 0 when round is FE_TONEAREST, and non-zero (the mode is unchanged) otherwise. */
int fesetround(int round);

/* The flag functions succeed (return 0) for the empty set and fail (non-zero) otherwise. */
int feclearexcept(int excepts);
int feraiseexcept(int excepts);
int fetestexcept(int excepts);
int fegetexceptflag(fexcept_t *flagp, int excepts);
int fesetexceptflag(const fexcept_t *flagp, int excepts);

/* The environment functions store and restore the one rounding mode; they return 0. */
int fegetenv(fenv_t *envp);
int fesetenv(const fenv_t *envp);
int feholdexcept(fenv_t *envp);
int feupdateenv(const fenv_t *envp);

#endif /* _FENV_H */
