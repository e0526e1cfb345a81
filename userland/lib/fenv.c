/* fenv.c: the floating-point environment of a machine with one rounding mode and no flags (fenv.h). */
#include <fenv.h>

int fegetround(void)
{
    return FE_TONEAREST;
}

int fesetround(int round)
{
    return round == FE_TONEAREST ? 0 : 1;
}

int feclearexcept(int excepts)
{
    return excepts == 0 ? 0 : 1;
}

int feraiseexcept(int excepts)
{
    return excepts == 0 ? 0 : 1;
}

/* No flag is ever set. */
int fetestexcept(int excepts)
{
    (void)excepts;
    return 0;
}

int fegetexceptflag(fexcept_t *flagp, int excepts)
{
    *flagp = 0;
    return excepts == 0 ? 0 : 1;
}

int fesetexceptflag(const fexcept_t *flagp, int excepts)
{
    (void)flagp;
    return excepts == 0 ? 0 : 1;
}

int fegetenv(fenv_t *envp)
{
    envp->__round = FE_TONEAREST;
    return 0;
}

/* Every environment, FE_DFL_ENV included, has the one rounding mode: nothing changes. */
int fesetenv(const fenv_t *envp)
{
    (void)envp;
    return 0;
}

int feholdexcept(fenv_t *envp)
{
    return fegetenv(envp);
}

int feupdateenv(const fenv_t *envp)
{
    return fesetenv(envp);
}
