/*
 * Faults become signals: a bad address gives SIGSEGV with SEGV_MAPERR or SEGV_ACCERR and
 * the address in si_addr, an integer division by zero gives SIGFPE with FPE_INTDIV. A
 * handler sees them; without one, the process dies of them, even if it blocks or ignores
 * the signal. Each fault happens in a child, whose exit status tells the parent the story.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void *expected_addr;
static volatile int zero;

static void on_fault(int sig, siginfo_t *info, void *uc) {
    (void) uc;
    int addr_ok = sig == SIGFPE || info->si_addr == expected_addr;
    _exit(info->si_signo == sig && addr_ok ? 10 * sig + info->si_code : 1);
}

static void catch(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(sig, &sa, NULL);
}

static void report(const char *what, pid_t pid) {
    int status;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) {
        int code = WEXITSTATUS(status);
        printf("%s: handler saw signal %d code %d\n", what, code / 10, code % 10);
    } else if (WIFSIGNALED(status)) {
        printf("%s: killed by signal %d\n", what, WTERMSIG(status));
    }
}

int main(void) {
    pid_t pid = fork();
    if (pid == 0) {
        catch(SIGSEGV);
        expected_addr = (void *) 16;
        *(volatile int *) 16 = 1;
        _exit(0);
    }
    report("write to an unmapped address", pid);

    pid = fork();
    if (pid == 0) {
        catch(SIGSEGV);
        char *page = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        expected_addr = page + 8;
        page[8] = 1;
        _exit(0);
    }
    report("write to a read-only page", pid);

    pid = fork();
    if (pid == 0) {
        catch(SIGFPE);
        printf("%d\n", 7 / zero);
        _exit(0);
    }
    report("division by zero", pid);

    pid = fork();
    if (pid == 0) {
        *(volatile int *) 0 = 1;
        _exit(0);
    }
    report("no handler", pid);

    pid = fork();
    if (pid == 0) {
        sigset_t all;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, NULL);
        *(volatile int *) 0 = 1;
        _exit(0);
    }
    report("SIGSEGV blocked", pid);

    pid = fork();
    if (pid == 0) {
        signal(SIGFPE, SIG_IGN);
        printf("%d\n", 7 % zero);
        _exit(0);
    }
    report("SIGFPE ignored", pid);
    return 0;
}
