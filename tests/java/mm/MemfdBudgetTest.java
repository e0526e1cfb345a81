package mm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages of a memfd (or any file of the in-memory file system) are file data, charged to
 * the file system's size, half the machine's memory: a guest that maps a huge memfd and
 * touches it page after page gets SIGBUS (BUS_ADRERR) at the first page the full file
 * system cannot give, write(2) gets ENOSPC, and once the memfd is closed and unmapped the
 * memory is back and the machine carries on. Nothing leaks (CGuest checks).
 */
class MemfdBudgetTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <errno.h>
            #include <setjmp.h>
            #include <signal.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/mman.h>
            #include <unistd.h>

            static sigjmp_buf back;
            static int code;

            static void on_sigbus(int sig, siginfo_t *info, void *ctx) {
                (void)sig; (void)ctx;
                code = info->si_code;
                siglongjmp(back, 1);
            }

            /* Touches the pages of a 64 MiB memfd until one faults: the number touched. */
            static long fill(int fd, char **out) {
                ftruncate(fd, 64L << 20);
                char *p = mmap(NULL, 64L << 20, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
                *out = p;
                long pages = 0;
                if (sigsetjmp(back, 1) == 0) {
                    for (; pages < (64L << 20) / 4096; pages++) p[pages * 4096] = 1;
                }
                return pages;
            }

            int main(void) {
                struct sigaction sa;
                memset(&sa, 0, sizeof sa);
                sa.sa_sigaction = on_sigbus;
                sa.sa_flags = SA_SIGINFO;
                sigaction(SIGBUS, &sa, NULL);

                int fd = memfd_create("big", 0);
                char *p;
                long first = fill(fd, &p);
                printf("stopped before 64 MiB: %s, si_code %d\\n", first < (64L << 20) / 4096 ? "yes" : "no", code);
                int other = memfd_create("other", 0);
                errno = 0;
                printf("write to another memfd: %ld %s\\n", (long)write(other, "x", 1), errno == ENOSPC ? "ENOSPC" : "?");
                munmap(p, 64L << 20);
                close(fd);
                printf("write after the first is gone: %ld\\n", (long)write(other, "x", 1));
                close(other);
                fd = memfd_create("again", 0);
                code = 0;
                long second = fill(fd, &p);
                printf("the same room again: %s, si_code %d\\n", second == first ? "yes" : "no", code);
                munmap(p, 64L << 20);
                close(fd);
                return 0;
            }
            """;

    @Test
    void aMemfdStopsAtTheFileSystemsSizeWithSigbusAndEnospcAndTheRoomComesBack() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withMemory(32L << 20), "memfd_budget", PROGRAM);
        assertEquals("""
                stopped before 64 MiB: yes, si_code 2
                write to another memfd: -1 ENOSPC
                write after the first is gone: 1
                the same room again: yes, si_code 2
                """, out);
    }
}
