package syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * syslog(2) (klogctl) and /bin/dmesg over the kernel log: Linux's actions, errno values and
 * permissions (with kernel.dmesg_restrict = 0, anyone may read the whole log and its size;
 * the rest needs privilege), the syslog format, the destructive read, and the console level
 * that decides whether a message also reaches the console.
 */
class SyslogTest {
    @TempDir Path tmp;

    /** A program that makes the OOM killer act once on a 16 MiB machine, then does {@code rest}. */
    private static String afterAnOomKill(String rest) {
        return """
                #include <errno.h>
                #include <signal.h>
                #include <stdio.h>
                #include <string.h>
                #include <sys/klog.h>
                #include <sys/mman.h>
                #include <sys/wait.h>
                #include <unistd.h>

                static void oom(void) {
                    pid_t pid = fork();
                    if (pid == 0) {
                        long bytes = 16L << 20;
                        char *p = mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                        for (long i = 0; i < bytes; i += 4096) p[i] = 1;
                        _exit(0);
                    }
                    waitpid(pid, NULL, 0);
                }

                static void try(const char *what, int r) {
                    if (r < 0) printf("%s: %s\\n", what, strerror(errno));
                    else printf("%s: %d\\n", what, r);
                }

                int main(void) {
                """ + rest + "}\n";
    }

    private static final Options SMALL = Options.defaults().withMemory(16L << 20);

    @Test
    void dmesgPrintsTheOomKillersLineWithItsTime() throws Exception {
        String out = CGuest.run(tmp, SMALL, "dmesgrun", afterAnOomKill("""
                    klogctl(6, NULL, 0); /* CONSOLE_OFF: the line goes to the log only */
                    oom();
                    fflush(stdout);
                    char *argv[] = {"/bin/dmesg", NULL};
                    pid_t pid = fork();
                    if (pid == 0) {
                        execv(argv[0], argv);
                        _exit(127);
                    }
                    waitpid(pid, NULL, 0);
                    return 0;
                """));
        assertTrue(out.matches("\\[ +\\d+\\.\\d{6}\\] Out of memory: Killed process \\d+ \\(dmesgrun\\) total-vm:\\d+kB, "
                + "anon-rss:\\d+kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:\\d+kB oom_score_adj:0\n"), out);
    }

    @Test
    void theActionsTheirErrorsAndWhoMayUseThem() throws Exception {
        String out = CGuest.run(tmp, SMALL, "syslogcalls", afterAnOomKill("""
                    static char buf[4096];
                    oom();
                    try("SIZE_BUFFER", klogctl(10, NULL, 0));
                    int all = klogctl(3, buf, sizeof buf);
                    try("READ_ALL", all);
                    try("SIZE_UNREAD", klogctl(9, NULL, 0));
                    try("READ_ALL with 10 bytes", klogctl(3, buf, 10));
                    try("READ_ALL with no buffer", klogctl(3, NULL, 10));
                    try("READ_ALL with length -1", klogctl(3, buf, -1));
                    try("READ_ALL with length 0", klogctl(3, buf, 0));
                    try("READ_ALL into a bad address", klogctl(3, (char *) 16, 4096));
                    try("READ of 20 bytes", klogctl(2, buf, 20));
                    printf("  %.20s|\\n", buf);
                    try("SIZE_UNREAD", klogctl(9, NULL, 0));
                    try("READ of the rest", klogctl(2, buf, sizeof buf));
                    try("SIZE_UNREAD", klogctl(9, NULL, 0));
                    try("CONSOLE_LEVEL 9", klogctl(8, NULL, 9));
                    try("action 11", klogctl(11, NULL, 0));
                    try("CLEAR", klogctl(5, NULL, 0));
                    try("READ_ALL after CLEAR", klogctl(3, buf, sizeof buf));
                    pid_t pid = fork();
                    if (pid == 0) {
                        setuid(1000);
                        try("uid 1000: SIZE_BUFFER", klogctl(10, NULL, 0));
                        try("uid 1000: READ_ALL", klogctl(3, buf, sizeof buf));
                        try("uid 1000: CLEAR", klogctl(5, NULL, 0));
                        try("uid 1000: READ", klogctl(2, buf, sizeof buf));
                        try("uid 1000: action 11", klogctl(11, NULL, 0));
                        _exit(0);
                    }
                    waitpid(pid, NULL, 0);
                    return 0;
                """));
        String line = out.substring(0, out.indexOf('\n') + 1);
        int length = line.length() + "<3>[    0.000000] ".length(); // the log's record: level, time, text
        assertTrue(line.startsWith("Out of memory: Killed process"), "the console has the line:\n" + out);
        assertEquals(line + """
                SIZE_BUFFER: 131072
                READ_ALL: %d
                SIZE_UNREAD: %d
                READ_ALL with 10 bytes: 0
                READ_ALL with no buffer: Invalid argument
                READ_ALL with length -1: Invalid argument
                READ_ALL with length 0: 0
                READ_ALL into a bad address: Bad address
                READ of 20 bytes: 20
                  <3>[    0.TTTTTT] Ou|
                SIZE_UNREAD: %d
                READ of the rest: %d
                SIZE_UNREAD: 0
                CONSOLE_LEVEL 9: Invalid argument
                action 11: Invalid argument
                CLEAR: 0
                READ_ALL after CLEAR: 0
                uid 1000: SIZE_BUFFER: 131072
                uid 1000: READ_ALL: 0
                uid 1000: CLEAR: Operation not permitted
                uid 1000: READ: Operation not permitted
                uid 1000: action 11: Operation not permitted
                """.formatted(length, length, length - 20, length - 20), out.replaceAll("\\[    0\\.\\d{6}\\]", "[    0.TTTTTT]"));
    }
}
