package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTTIN and SIGTTOU for background process groups of the console's session (Linux's
 * tty_check_change). The program runs as init's child, in the session that owns the console
 * and in its foreground group; each child moves to a group of its own, which makes it a
 * background job of the same terminal. These cannot be compared with Linux: the reference
 * machine runs its tests without a controlling terminal.
 */
class TerminalJobControlTest {
    @TempDir Path tmp;

    @Test
    void aBackgroundReadIsStoppedBySigttinAndFailsWithEioWhenIgnored() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "ttin", """
                #include <errno.h>
                #include <signal.h>
                #include <stdio.h>
                #include <sys/wait.h>
                #include <unistd.h>

                int main(void) {
                    char c;
                    int status;
                    pid_t pid = fork();
                    if (pid == 0) {
                        setpgid(0, 0);
                        read(0, &c, 1);
                        _exit(0);
                    }
                    waitpid(pid, &status, WUNTRACED);
                    printf("background read: stopped %d by %d\\n", WIFSTOPPED(status), WSTOPSIG(status));
                    kill(pid, SIGKILL);
                    waitpid(pid, &status, 0);

                    pid = fork();
                    if (pid == 0) {
                        setpgid(0, 0);
                        signal(SIGTTIN, SIG_IGN);
                        long r = read(0, &c, 1);
                        _exit(r == -1 && errno == EIO ? 5 : 1);
                    }
                    waitpid(pid, &status, WUNTRACED);
                    printf("SIGTTIN ignored: exit %d (5 = EIO)\\n", WEXITSTATUS(status));

                    long r = read(0, &c, 1);
                    printf("foreground read: %ld\\n", r);
                    return 0;
                }
                """);
        assertEquals("background read: stopped 1 by 21\nSIGTTIN ignored: exit 5 (5 = EIO)\nforeground read: 0\n", out);
    }

    @Test
    void backgroundWritesAreAllowedUnlessTostopIsSet() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "ttou", """
                #include <signal.h>
                #include <stdio.h>
                #include <sys/ioctl.h>
                #include <sys/wait.h>
                #include <unistd.h>

                #define TOSTOP 0400

                /* 1 if a child writing from a background group is stopped (by SIGTTOU). */
                static int background_write(void) {
                    int status;
                    pid_t pid = fork();
                    if (pid == 0) {
                        setpgid(0, 0);
                        write(1, "background write\\n", 17);
                        _exit(0);
                    }
                    waitpid(pid, &status, WUNTRACED);
                    if (!WIFSTOPPED(status)) return 0;
                    kill(pid, SIGKILL);
                    waitpid(pid, &status, 0);
                    return 1;
                }

                int main(void) {
                    unsigned int termios[9];
                    printf("without TOSTOP: stopped %d\\n", background_write());
                    fflush(stdout);
                    ioctl(0, TCGETS, termios);
                    termios[3] |= TOSTOP;
                    ioctl(0, TCSETS, termios);
                    printf("with TOSTOP: stopped %d\\n", background_write());
                    termios[3] &= ~TOSTOP;
                    ioctl(0, TCSETS, termios);

                    int status;
                    pid_t pid = fork();
                    if (pid == 0) {
                        setpgid(0, 0);
                        tcsetpgrp(0, getpgrp());
                        _exit(0);
                    }
                    waitpid(pid, &status, WUNTRACED);
                    printf("background tcsetpgrp: stopped %d by %d\\n", WIFSTOPPED(status), WSTOPSIG(status));
                    kill(pid, SIGKILL);
                    waitpid(pid, &status, 0);
                    printf("foreground still ours: %d\\n", tcgetpgrp(0) == getpgrp());
                    return 0;
                }
                """);
        assertEquals("background write\nwithout TOSTOP: stopped 0\nwith TOSTOP: stopped 1\n"
                + "background tcsetpgrp: stopped 1 by 22\nforeground still ours: 1\n", out);
    }

    @Test
    void anOrphanedBackgroundGroupReadsEioInsteadOfStopping() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "orphan", """
                #include <errno.h>
                #include <stdio.h>
                #include <sys/wait.h>
                #include <unistd.h>

                int main(void) {
                    int go[2], answer[2];
                    char c, result = '?';
                    pipe(go);
                    pipe(answer);
                    pid_t pid = fork();
                    if (pid == 0) {
                        /* The grandchild's group is orphaned once its parent has exited:
                           its new parent is init, which does not count. */
                        if (fork() == 0) {
                            setpgid(0, 0);
                            read(go[0], &c, 1); /* wait until the middle process is gone */
                            long r = read(0, &c, 1);
                            char verdict = r == -1 && errno == EIO ? 'E' : 'x';
                            write(answer[1], &verdict, 1);
                            _exit(0);
                        }
                        _exit(0);
                    }
                    waitpid(pid, NULL, 0);
                    write(go[1], "g", 1);
                    read(answer[0], &result, 1);
                    printf("orphaned background read: %c\\n", result);
                    return 0;
                }
                """);
        assertEquals("orphaned background read: E\n", out);
    }
}
