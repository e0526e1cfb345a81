/* C11 6.10.3.4 EXAMPLE: f(2)(9) may give 2*9*g (GCC does). */
#define f(a) a*g
#define g(a) f(a)
f(2)(9)
