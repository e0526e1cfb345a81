package task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OOM killer in a running machine of 64 MiB: it kills the process with the highest
 * badness (resident set and page tables, biased by oom_score_adj), not the one that
 * faulted, prints Linux's line with the victim's figures, keeps it in the kernel log, and
 * the faulting process goes on once the memory is back. Each program also checks that every
 * frame returns at the end (CGuest).
 */
class OomKillerTest {
    private static final Options SMALL = Options.defaults().withMemory(64L << 20);

    @TempDir Path tmp;

    /** What every program here shares: touching memory, sleeping children, reading figures and the log. */
    private static final String COMMON = """
            #include <fcntl.h>
            #include <signal.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <sys/klog.h>
            #include <sys/mman.h>
            #include <sys/wait.h>
            #include <unistd.h>

            #define MIB (1024L * 1024)

            static char *grab(long bytes) {
                char *p = mmap(0, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                for (long i = 0; i < bytes; i += 4096) p[i] = 1;
                return p;
            }

            /* A child that takes `mib` MiB, sets its oom_score_adj, says it is ready and sleeps. */
            static pid_t hog(long mib, const char *adj) {
                int ready[2];
                pipe(ready);
                pid_t pid = fork();
                if (pid == 0) {
                    int fd = open("/proc/self/oom_score_adj", O_WRONLY);
                    write(fd, adj, strlen(adj));
                    close(fd);
                    grab(mib * MIB);
                    write(ready[1], "x", 1);
                    for (;;) pause();
                }
                char c;
                read(ready[0], &c, 1);
                close(ready[0]);
                close(ready[1]);
                return pid;
            }

            static void report(const char *who, pid_t pid) {
                int st;
                waitpid(pid, &st, 0);
                if (WIFSIGNALED(st)) printf("%s: killed by signal %d\\n", who, WTERMSIG(st));
                else printf("%s: exited %d\\n", who, WEXITSTATUS(st));
            }

            /* Prints the kernel log as syslog(2) returns it. */
            static void kernel_log(void) {
                static char buf[8192];
                int n = klogctl(3, buf, sizeof buf);
                printf("log:\\n%.*s", n < 0 ? 0 : n, buf);
            }
            """;

    @Test
    void theHogDiesAndTheInnocentFinishesWithTheVictimsFiguresInTheLine() throws Exception {
        String out = CGuest.run(tmp, SMALL, "oomhog", COMMON + """
                /* The hog's VmSize, VmRSS and VmPTE while it sleeps, from its status file. */
                static void figures(pid_t pid) {
                    char path[64], line[128];
                    snprintf(path, sizeof path, "/proc/%d/status", pid);
                    FILE *f = fopen(path, "r");
                    while (fgets(line, sizeof line, f) != NULL) {
                        if (strncmp(line, "VmSize", 6) == 0 || strncmp(line, "VmRSS", 5) == 0 || strncmp(line, "VmPTE", 5) == 0) {
                            printf("hog %s", line);
                        }
                    }
                    fclose(f);
                }

                int main(void) {
                    pid_t h = hog(44, "0");
                    printf("hog is %d\\n", h);
                    figures(h);
                    fflush(stdout);
                    grab(24 * MIB);
                    printf("innocent: took 24 MiB\\n");
                    report("hog", h);
                    kernel_log();
                    return 0;
                }
                """);
        int hog = Integer.parseInt(find(out, "hog is (\\d+)"));
        String size = find(out, "hog VmSize:\\s+(\\d+) kB"), rss = find(out, "hog VmRSS:\\s+(\\d+) kB");
        String pte = find(out, "hog VmPTE:\\s+(\\d+) kB");
        String line = "Out of memory: Killed process " + hog + " (oomhog) total-vm:" + size + "kB, anon-rss:" + rss
                + "kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:" + pte + "kB oom_score_adj:0";
        assertTrue(Long.parseLong(rss) > 44 * 1024 && Long.parseLong(pte) > 0, out);
        assertTrue(out.contains("\n" + line + "\n"), "the console shows Linux's line with the hog's figures:\n" + out);
        assertTrue(out.indexOf(line) < out.indexOf("innocent: took 24 MiB"), "the innocent goes on after the kill");
        assertTrue(out.contains("hog: killed by signal 9\n"), out);
        assertTrue(out.matches("(?s).*log:\n<3>\\[ *\\d+\\.\\d{6}\\] " + Pattern.quote(line) + "\n$"), "the kernel log has it:\n" + out);
    }

    @Test
    void theFaultingProcessIsTheVictimWhenItIsTheBiggest() throws Exception {
        String out = CGuest.run(tmp, SMALL, "oomself", COMMON + """
                int main(void) {
                    pid_t h = hog(8, "0");
                    pid_t greedy = fork();
                    if (greedy == 0) {
                        grab(60 * MIB);
                        printf("greedy: took 60 MiB\\n");
                        _exit(0);
                    }
                    report("greedy", greedy);
                    kill(h, SIGKILL);
                    report("small sleeper", h);
                    return 0;
                }
                """);
        assertTrue(out.endsWith("greedy: killed by signal 9\nsmall sleeper: killed by signal 9\n"), out);
        assertTrue(out.contains("(oomself)") && !out.contains("took 60 MiB"), out);
    }

    @Test
    void minusThousandIsNeverChosenAndPlusThousandIsChosenFirst() throws Exception {
        String out = CGuest.run(tmp, SMALL, "oomadj", COMMON + """
                int main(void) {
                    pid_t shielded = hog(40, "-1000");
                    pid_t marked = hog(1, "1000");
                    printf("shielded %d, marked %d\\n", shielded, marked);
                    fflush(stdout);
                    pid_t grower = fork();
                    if (grower == 0) {
                        grab(40 * MIB);
                        printf("grower: took 40 MiB\\n");
                        _exit(0);
                    }
                    report("grower", grower);
                    report("marked", marked);
                    printf("shielded is alive: %s\\n", kill(shielded, 0) == 0 ? "yes" : "no");
                    kill(shielded, SIGKILL);
                    report("shielded", shielded);
                    return 0;
                }
                """);
        String marked = find(out, "marked (\\d+)");
        Matcher kills = Pattern.compile("Out of memory: Killed process (\\d+) .* oom_score_adj:(-?\\d+)").matcher(out);
        assertTrue(kills.find(), out);
        assertEquals(marked, kills.group(1), "oom_score_adj 1000 goes first, however small");
        assertEquals("1000", kills.group(2));
        assertTrue(kills.find(), "a second event: the small victim did not free enough\n" + out);
        assertEquals("0", kills.group(2), "then the biggest killable one, the grower itself");
        assertTrue(out.contains("grower: killed by signal 9\nmarked: killed by signal 9\nshielded is alive: yes\n"), out);
    }

    @lab.PartOfLab("clone")
    @Test
    void everyProcessSharingTheVictimsMemoryDiesWithIt() throws Exception {
        String out = CGuest.run(tmp, SMALL, "oomshare", COMMON + """
                #include <sched.h>

                static char stack[16384];

                static int partner(void *arg) {
                    for (;;) pause();
                    return 0;
                }

                int main(void) {
                    int ready[2];
                    pipe(ready);
                    pid_t h = fork();
                    if (h == 0) {
                        grab(44 * MIB);
                        /* A second process in the same address space, a child of main's (CLONE_PARENT). */
                        int p = clone(partner, stack + sizeof stack, CLONE_VM | CLONE_PARENT | SIGCHLD, 0);
                        write(ready[1], &p, sizeof p);
                        for (;;) pause();
                    }
                    int p;
                    read(ready[0], &p, sizeof p);
                    grab(24 * MIB);
                    printf("innocent: took 24 MiB\\n");
                    report("hog", h);
                    report("partner", p);
                    return 0;
                }
                """);
        assertEquals(1, out.split("Out of memory: Killed process", -1).length - 1, "one victim:\n" + out);
        assertTrue(out.endsWith("innocent: took 24 MiB\nhog: killed by signal 9\npartner: killed by signal 9\n"), out);
    }

    /** The first group of {@code regex} in {@code text}; fails the test if there is none. */
    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in:\n" + text);
        return m.group(1);
    }
}
