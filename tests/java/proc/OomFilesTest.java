package proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /proc/PID/oom_score and /proc/PID/oom_score_adj where Clonix's answers cannot be checked
 * against the development machine (tests/linux/oom_score_adj.c covers the rest): the score
 * is Linux's formula over the resident set and page tables, 0 for init and for a process
 * the killer may not choose; an unprivileged writer may not go below the floor a privileged
 * one set (EACCES); a reaped process's file answers ESRCH.
 */
class OomFilesTest {
    @TempDir Path tmp;

    @Test
    void theScoreIsLinuxsFormulaAndTheFloorHoldsForTheUnprivileged() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withMemory(64L << 20), "oomfiles", """
                #include <errno.h>
                #include <fcntl.h>
                #include <stdio.h>
                #include <stdlib.h>
                #include <string.h>
                #include <sys/syscall.h>
                #include <sys/wait.h>
                #include <unistd.h>

                static char text[4096];

                static char *slurp(const char *path) {
                    memset(text, 0, sizeof text);
                    int fd = open(path, O_RDONLY);
                    read(fd, text, sizeof text - 1);
                    close(fd);
                    return text;
                }

                static long field(const char *name) {
                    char *at = strstr(text, name);
                    return at == NULL ? -1 : atol(at + strlen(name) + 1);
                }

                static void put(const char *path, const char *value) {
                    int fd = open(path, O_WRONLY);
                    if (write(fd, value, strlen(value)) < 0) printf("write %s to %s: %s\\n", value, path, strerror(errno));
                    else printf("write %s to %s: ok\\n", value, path);
                    close(fd);
                }

                int main(void) {
                    slurp("/proc/meminfo");
                    long total = field("MemTotal:") / 4;
                    slurp("/proc/self/oom_score");
                    slurp("/proc/self/status");
                    long pages = (field("VmRSS:") + field("VmPTE:")) / 4;
                    long expected = (1000 + pages * 1000 / total) * 2 / 3;
                    long score = atol(slurp("/proc/self/oom_score"));
                    printf("oom_score is Linux's formula: %s\\n", score == expected ? "yes" : "no");
                    printf("init: %s", slurp("/proc/1/oom_score"));

                    pid_t child = fork();
                    if (child == 0) {
                        put("/proc/self/oom_score_adj", "-1000");
                        printf("a -1000 process scores %s", slurp("/proc/self/oom_score"));
                        put("/proc/self/oom_score_adj", "-300");
                        setuid(1000);
                        put("/proc/self/oom_score_adj", "-200");
                        put("/proc/self/oom_score_adj", "-300");
                        put("/proc/self/oom_score_adj", "-301");
                        printf("now %s", slurp("/proc/self/oom_score_adj"));
                        _exit(0);
                    }
                    char path[64], info[128];
                    syscall(SYS_waitid, P_PID, child, info, 4 /* WEXITED */ | WNOWAIT, 0); /* a zombie now */
                    snprintf(path, sizeof path, "/proc/%d/oom_score", child);
                    printf("a zombie scores %s", slurp(path));
                    snprintf(path, sizeof path, "/proc/%d/oom_score_adj", child);
                    int fd = open(path, O_WRONLY);
                    waitpid(child, NULL, 0);
                    printf("write to a reaped process's file: %s\\n", write(fd, "5", 1) < 0 ? strerror(errno) : "ok");
                    return 0;
                }
                """);
        assertEquals("""
                oom_score is Linux's formula: yes
                init: 0
                write -1000 to /proc/self/oom_score_adj: ok
                a -1000 process scores 0
                write -300 to /proc/self/oom_score_adj: ok
                write -200 to /proc/self/oom_score_adj: ok
                write -300 to /proc/self/oom_score_adj: ok
                write -301 to /proc/self/oom_score_adj: Permission denied
                now -300
                a zombie scores 0
                write to a reaped process's file: No such process
                """, out);
    }

    @Test
    void anotherUsersFilesAndTheSysctlsAreRootsToWrite() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "procperm", """
                #include <errno.h>
                #include <fcntl.h>
                #include <stdio.h>
                #include <string.h>
                #include <unistd.h>

                static void open_for_writing(const char *path) {
                    int fd = open(path, O_WRONLY);
                    printf("%s: %s\\n", path, fd >= 0 ? "ok" : strerror(errno));
                    if (fd >= 0) close(fd);
                }

                static void write_to(const char *path, const char *value) {
                    int fd = open(path, O_WRONLY);
                    long n = write(fd, value, strlen(value));
                    printf("write %s to %s: %s\\n", value, path, n >= 0 ? "ok" : strerror(errno));
                    close(fd);
                }

                int main(void) {
                    open_for_writing("/proc/sys/kernel/threads-max");
                    setuid(1000);
                    open_for_writing("/proc/sys/kernel/threads-max");
                    open_for_writing("/proc/sys/kernel/pid_max");
                    open_for_writing("/proc/sys/vm/max_map_count");
                    printf("reading is fine: %s\\n", open("/proc/sys/kernel/threads-max", O_RDONLY) >= 0 ? "yes" : "no");
                    write_to("/proc/1/oom_score_adj", "5");
                    write_to("/proc/self/oom_score_adj", "5");
                    return 0;
                }
                """);
        assertEquals("""
                /proc/sys/kernel/threads-max: ok
                /proc/sys/kernel/threads-max: Permission denied
                /proc/sys/kernel/pid_max: Permission denied
                /proc/sys/vm/max_map_count: Permission denied
                reading is fine: yes
                write 5 to /proc/1/oom_score_adj: Permission denied
                write 5 to /proc/self/oom_score_adj: ok
                """, out);
    }
}
