/*
 * The alternate signal stack: a handler installed with SA_ONSTACK runs on the stack given
 * to sigaltstack, which then reports SS_ONSTACK (and refuses to change, EPERM); other
 * handlers stay on the ordinary stack. Too small a stack is ENOMEM; SS_DISABLE removes it.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static char alt[65536];
static volatile int on_alt, flags_inside, eperm_inside;

static void handler(int sig) {
    char here;
    (void) sig;
    on_alt = &here >= alt && &here < alt + sizeof alt;
    stack_t now, other;
    sigaltstack(NULL, &now);
    flags_inside = now.ss_flags;
    memset(&other, 0, sizeof other);
    other.ss_sp = alt;
    other.ss_size = sizeof alt;
    errno = 0;
    eperm_inside = sigaltstack(&other, NULL) == -1 && errno == EPERM;
}

static void install(int sig, int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

int main(void) {
    stack_t ss, old;
    sigaltstack(NULL, &old);
    printf("at first: flags %d size %d\n", old.ss_flags, (int) old.ss_size);
    ss.ss_sp = alt;
    ss.ss_flags = 0;
    ss.ss_size = 100;
    errno = 0;
    int r = sigaltstack(&ss, NULL);
    printf("too small: %d %s\n", r, errno == ENOMEM ? "ENOMEM" : "?");
    ss.ss_size = sizeof alt;
    printf("set: %d\n", sigaltstack(&ss, &old));
    sigaltstack(NULL, &old);
    printf("now: flags %d size %d at alt %d\n", old.ss_flags, (int) old.ss_size, old.ss_sp == alt);

    install(SIGUSR1, SA_ONSTACK);
    raise(SIGUSR1);
    printf("SA_ONSTACK: on the alternate stack %d, flags inside %d, change refused %d\n", on_alt, flags_inside,
           eperm_inside);
    install(SIGUSR2, 0);
    raise(SIGUSR2);
    printf("without SA_ONSTACK: on the alternate stack %d, flags inside %d\n", on_alt, flags_inside);

    ss.ss_flags = SS_DISABLE;
    sigaltstack(&ss, NULL);
    sigaltstack(NULL, &old);
    printf("disabled: flags %d\n", old.ss_flags);
    raise(SIGUSR1);
    printf("SA_ONSTACK without one: on the alternate stack %d\n", on_alt);
    return 0;
}
