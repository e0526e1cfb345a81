/* setjmp.h: a second return from setjmp with longjmp's value (1 for 0), locals kept in
 * memory survive, jumps out of nested calls, sigsetjmp/siglongjmp restoring the signal
 * mask (also out of a signal handler), and plain longjmp leaving the handler's signal
 * blocked, as glibc does. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static jmp_buf env;
static sigjmp_buf sigenv;
static int depth_reached;

static void dive(int depth)
{
    depth_reached = depth;
    if (depth == 5) longjmp(env, depth * 10);
    dive(depth + 1);
}

static int blocked(int sig)
{
    sigset_t now;
    sigprocmask(SIG_BLOCK, 0, &now);
    return sigismember(&now, sig);
}

static void to_sigenv(int sig) { siglongjmp(sigenv, sig); }

static void to_env(int sig) { longjmp(env, sig); }

int main(void)
{
    volatile int counter = 0;
    int r;
    sigset_t set;
    struct sigaction sa;

    r = setjmp(env);
    printf("setjmp returned %d, counter %d\n", r, counter);
    if (counter++ < 3) longjmp(env, counter == 3 ? 0 : counter);

    r = setjmp(env);
    if (r == 0) dive(0);
    printf("out of dive: %d, depth %d\n", r, depth_reached);

    r = _setjmp(env);
    if (r == 0) _longjmp(env, -7);
    printf("_longjmp: %d\n", r);

    /* siglongjmp restores the mask sigsetjmp saved... */
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    r = sigsetjmp(sigenv, 1);
    if (r == 0) {
        sigprocmask(SIG_BLOCK, &set, 0);
        printf("before: SIGUSR2 blocked %d\n", blocked(SIGUSR2));
        siglongjmp(sigenv, 1);
    }
    printf("savemask 1: SIGUSR2 blocked %d\n", blocked(SIGUSR2));
    /* ...and with savemask 0 the mask stays as it is at the jump. */
    r = sigsetjmp(sigenv, 0);
    if (r == 0) {
        sigprocmask(SIG_BLOCK, &set, 0);
        siglongjmp(sigenv, 1);
    }
    printf("savemask 0: SIGUSR2 blocked %d\n", blocked(SIGUSR2));
    sigprocmask(SIG_UNBLOCK, &set, 0);

    /* Out of a signal handler: the handler's own signal was blocked while it ran. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = to_sigenv;
    sigaction(SIGUSR1, &sa, 0);
    r = sigsetjmp(sigenv, 1);
    if (r == 0) raise(SIGUSR1);
    printf("siglongjmp from handler: %d, SIGUSR1 blocked %d\n", r, blocked(SIGUSR1));

    sa.sa_handler = to_env;
    sigaction(SIGUSR1, &sa, 0);
    r = setjmp(env);
    if (r == 0) raise(SIGUSR1);
    printf("longjmp from handler: %d, SIGUSR1 blocked %d\n", r, blocked(SIGUSR1));
    return 0;
}
