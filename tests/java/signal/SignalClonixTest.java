package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only Clonix can check, because it depends on this machine's instructions or on
 * settings of the development machine (a core-size limit of 0 hides the core bit there):
 * the core bit in the wait status, SIGILL and SIGTRAP from hand-made instructions, the
 * frame a handler is given, and the console as the controlling terminal.
 */
class SignalClonixTest {
    @TempDir Path tmp;

    @Test
    void defaultActionCoreSetsTheCoreBitAndTerminateDoesNot() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "core", """
                #include <signal.h>
                #include <stdio.h>
                #include <sys/wait.h>
                #include <unistd.h>
                static void die(int sig) {
                    pid_t pid = fork();
                    if (pid == 0) {
                        raise(sig);
                        _exit(0);
                    }
                    int status;
                    waitpid(pid, &status, 0);
                    printf("%d: signaled %d core %d\\n", sig, WIFSIGNALED(status), WCOREDUMP(status) != 0);
                }
                int main(void) {
                    die(SIGSEGV);
                    die(SIGQUIT);
                    die(SIGTERM);
                    die(SIGKILL);
                    return 0;
                }
                """);
        assertEquals("11: signaled 1 core 1\n3: signaled 1 core 1\n15: signaled 1 core 0\n9: signaled 1 core 0\n", out);
    }

    @Test
    void anIllegalInstructionGivesSigillAndABreakGivesSigtrapPastIt() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "illtrap", """
                #include <signal.h>
                #include <stdio.h>
                #include <string.h>
                #include <sys/mman.h>
                #include <sys/wait.h>
                #include <unistd.h>
                static unsigned char *code;
                static volatile int traps, trap_code, trap_at_code;
                static void on_ill(int sig, siginfo_t *info, void *uc) {
                    _exit(sig == SIGILL && info->si_code == ILL_ILLOPC && info->si_addr == (void *) code ? 7 : 1);
                }
                static void on_trap(int sig, siginfo_t *info, void *uc) {
                    traps++;
                    trap_code = info->si_code;
                    trap_at_code = info->si_addr == (void *) code;
                }
                int main(void) {
                    code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                    pid_t pid = fork();
                    if (pid == 0) {
                        struct sigaction sa;
                        memset(&sa, 0, sizeof sa);
                        sa.sa_sigaction = on_ill;
                        sa.sa_flags = SA_SIGINFO;
                        sigaction(SIGILL, &sa, NULL);
                        ((void (*)(void)) code)();
                        _exit(0);
                    }
                    int status;
                    waitpid(pid, &status, 0);
                    printf("SIGILL handler: exit %d\\n", WEXITSTATUS(status));
                    unsigned char brk_ret[16] = {0x02, 0, 0, 0, 0, 0, 0, 0, 0x99, 0, 1, 0, 0, 0, 0, 0};
                    memcpy(code, brk_ret, 16);
                    struct sigaction sa;
                    memset(&sa, 0, sizeof sa);
                    sa.sa_sigaction = on_trap;
                    sa.sa_flags = SA_SIGINFO;
                    sigaction(SIGTRAP, &sa, NULL);
                    ((void (*)(void)) code)();
                    printf("SIGTRAP: %d, code %d, at the break %d, and on past it\\n", traps, trap_code, trap_at_code);
                    return 0;
                }
                """);
        assertEquals("SIGILL handler: exit 7\nSIGTRAP: 1, code 1, at the break 1, and on past it\n", out);
    }

    @Test
    void theHandlerGetsItsFrameOnTheStackBelowARedZone() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "frame", """
                #include <signal.h>
                #include <stdio.h>
                #include <string.h>
                static unsigned long *saved;
                static long frame_gap;
                static char *outer_sp;
                static void on_usr1(int sig, siginfo_t *info, void *uc) {
                    char here;
                    saved = (unsigned long *) ((char *) uc + 40);
                    frame_gap = outer_sp - (char *) info;
                    /* uc_sigmask, after the 32 registers and the pc. */
                    unsigned long mask = *(unsigned long *) ((char *) uc + 40 + 33 * 8);
                    printf("aligned %d, below the frame %d, saved mask has SIGUSR2 %d, a0 was %lu\\n",
                           ((unsigned long) info & 15) == 0, &here < (char *) info,
                           (int) ((mask >> (SIGUSR2 - 1)) & 1), saved[10]);
                }
                int main(void) {
                    char marker;
                    outer_sp = &marker;
                    struct sigaction sa;
                    memset(&sa, 0, sizeof sa);
                    sa.sa_sigaction = on_usr1;
                    sa.sa_flags = SA_SIGINFO;
                    sigaction(SIGUSR1, &sa, NULL);
                    sigset_t usr2;
                    sigemptyset(&usr2);
                    sigaddset(&usr2, SIGUSR2);
                    sigprocmask(SIG_BLOCK, &usr2, NULL);
                    raise(SIGUSR1);
                    printf("red zone kept %d\\n", frame_gap > 128);
                    return 0;
                }
                """);
        assertEquals("aligned 1, below the frame 1, saved mask has SIGUSR2 1, a0 was 0\nred zone kept 1\n", out);
    }

    @Test
    void theConsoleIsTheControllingTerminalWithAForegroundGroup() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "tty", """
                #include <errno.h>
                #include <stdio.h>
                #include <unistd.h>
                int main(void) {
                    int before = tcgetpgrp(0);
                    int set = tcsetpgrp(0, getpgrp());
                    int after = tcgetpgrp(0) == getpgrp();
                    errno = 0;
                    int bad = tcsetpgrp(0, 4242);
                    printf("before %d, set %d, now ours %d, no such group %d %d\\n", before, set, after, bad, errno);
                    return 0;
                }
                """);
        assertEquals("before 1, set 0, now ours 1, no such group -1 3\n", out);
    }
}
