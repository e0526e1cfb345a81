package uthread;

/**
 * C helpers the two-level thread library's tests share: what the kernel can tell about the
 * process, read from /proc/self, to check the library's claims from outside it.
 */
final class UthreadPrograms {
    private UthreadPrograms() {}

    /**
     * Defines kernel_threads() (the Threads: line of /proc/self/status, i.e. the LWPs the
     * kernel sees) and mapped_bytes() (the total size of the mappings in /proc/self/maps).
     */
    static final String PRELUDE = """
            #include <errno.h>
            #include <fcntl.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <time.h>
            #include <unistd.h>
            #include <uthread.h>
            static char proc_text[16384];
            static void read_proc(const char *path) {
                int fd = open(path, O_RDONLY);
                long len = 0, got;
                while ((got = read(fd, proc_text + len, sizeof proc_text - 1 - len)) > 0) len += got;
                proc_text[len] = 0;
                close(fd);
            }
            static int kernel_threads(void) {
                char *p;
                read_proc("/proc/self/status");
                p = strstr(proc_text, "Threads:");
                return p ? atoi(p + 8) : -1;
            }
            static long mapped_bytes(void) {
                char *p = proc_text;
                long total = 0;
                read_proc("/proc/self/maps");
                while (*p) {
                    unsigned long start = strtoul(p, &p, 16);
                    unsigned long end = strtoul(p + 1, &p, 16);
                    total += (long)(end - start);
                    while (*p && *p != '\\n') p++;
                    if (*p) p++;
                }
                return total;
            }
            /* Waits (in the kernel, a millisecond at a time) until the kernel sees n LWPs. */
            static int wait_for_kernel_threads(int n) {
                struct timespec ms = {0, 1000000};
                int i;
                for (i = 0; i < 1000 && kernel_threads() != n; i++) {
                    uthread_nanosleep(&ms, 0);
                    uthread_yield(); /* an LWP above the level leaves here */
                }
                return kernel_threads();
            }
            """;
}
