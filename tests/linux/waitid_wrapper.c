/* waitid: choosing children by pid, by group and any; WNOWAIT leaves the zombie; WNOHANG
   with nothing to report zeroes si_pid; stops; and the errors. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *code(int c)
{
    switch (c) {
    case CLD_EXITED: return "CLD_EXITED";
    case CLD_KILLED: return "CLD_KILLED";
    case CLD_STOPPED: return "CLD_STOPPED";
    case CLD_CONTINUED: return "CLD_CONTINUED";
    default: return "other";
    }
}

static void show(const char *what, int r, siginfo_t *info, pid_t expect)
{
    printf("%s: %d signo %d %s status %d right child %d\n", what, r, info->si_signo, code(info->si_code),
           info->si_status, info->si_pid == expect);
}

int main(void)
{
    siginfo_t info;
    pid_t a = fork();
    if (a == 0) _exit(3);
    memset(&info, 0, sizeof info);
    int r = waitid(P_PID, a, &info, WEXITED | WNOWAIT);
    show("WNOWAIT", r, &info, a);
    memset(&info, 0, sizeof info);
    r = waitid(P_ALL, 0, &info, WEXITED);
    show("P_ALL", r, &info, a);

    pid_t b = fork();
    if (b == 0) {
        setpgid(0, 0);
        pause();
        _exit(0);
    }
    setpgid(b, b);
    memset(&info, 0x5a, sizeof info);
    r = waitid(P_PID, b, &info, WEXITED | WNOHANG);
    printf("WNOHANG, still running: %d si_pid %d si_signo %d\n", r, info.si_pid, info.si_signo);
    kill(b, SIGSTOP);
    memset(&info, 0, sizeof info);
    r = waitid(P_PGID, b, &info, WSTOPPED);
    show("stopped", r, &info, b);
    kill(b, SIGCONT);
    memset(&info, 0, sizeof info);
    r = waitid(P_PID, b, &info, WCONTINUED);
    show("continued", r, &info, b);
    kill(b, SIGKILL);
    memset(&info, 0, sizeof info);
    r = waitid(P_PGID, b, &info, WEXITED);
    show("killed", r, &info, b);

    errno = 0;
    r = waitid(P_ALL, 0, &info, 0);
    printf("no WEXITED/WSTOPPED/WCONTINUED: %d errno %d\n", r, errno);
    errno = 0;
    r = waitid(P_ALL, 0, &info, WEXITED);
    printf("no children: %d errno %d\n", r, errno);
    errno = 0;
    r = waitid((idtype_t)9, 0, &info, WEXITED);
    printf("bad idtype: %d errno %d\n", r, errno);
    return 0;
}
