package proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What /proc shows of the memory the guest pays for: /proc/meminfo's Shmem and Cached grow
 * with file data, AnonPages with private memory, PageTables and VmPTE with page tables, Slab
 * with kernel objects; /proc/sys/fs holds the limits on files and pipes, which root may
 * change, with Linux's effects.
 */
class MemoryFiguresTest {
    @TempDir Path tmp;

    private static final String HELPERS = """
            #include <errno.h>
            #include <fcntl.h>
            #include <stdio.h>
            #include <string.h>
            #include <sys/mman.h>
            #include <unistd.h>

            static char text[8192];

            /* The value of the line NAME ("NAME:  value") of the file at path. */
            static long field(const char *path, const char *name)
            {
                int fd = open(path, O_RDONLY);
                long n = read(fd, text, sizeof text - 1);
                close(fd);
                text[n > 0 ? n : 0] = 0;
                for (char *line = text; line; line = strchr(line, '\\n')) {
                    if (*line == '\\n') line++;
                    if (strncmp(line, name, strlen(name)) == 0 && line[strlen(name)] == ':') {
                        long v = 0;
                        for (char *p = line + strlen(name) + 1; *p && *p != '\\n'; p++) {
                            if (*p >= '0' && *p <= '9') v = v * 10 + *p - '0';
                        }
                        return v;
                    }
                }
                return -1;
            }

            static long mem(const char *name) { return field("/proc/meminfo", name); }
            """;

    @Test
    void meminfoFollowsFilesPrivateMemoryAndTheKernelsOwn() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "meminfo", HELPERS + """
                int main(void)
                {
                    long shmem = mem("Shmem"), cached = mem("Cached"), anon = mem("AnonPages");
                    long tables = mem("PageTables"), slab = mem("Slab");
                    printf("available is free: %d\\n", mem("MemAvailable") == mem("MemFree"));
                    printf("the kernel's own: %d %d\\n", tables > 0, slab > 0);
                    static char mib[1 << 20];
                    int fd = open("/tmp/f", O_CREAT | O_WRONLY, 0644);
                    write(fd, mib, sizeof mib);
                    close(fd);
                    printf("a 1 MiB file: Shmem +%ld kB, Cached +%ld kB\\n", mem("Shmem") - shmem, mem("Cached") - cached);
                    unlink("/tmp/f");
                    printf("removed: Shmem +%ld kB\\n", mem("Shmem") - shmem);
                    char *p = mmap(0, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                    long before = mem("AnonPages");
                    for (int i = 0; i < (1 << 20); i += 4096) p[i] = 1;
                    printf("1 MiB touched: AnonPages +%ld kB\\n", mem("AnonPages") - before);
                    printf("VmPTE is this process's share: %d\\n", field("/proc/self/status", "VmPTE") > 0
                            && field("/proc/self/status", "VmPTE") <= mem("PageTables"));
                    return anon < 0;
                }
                """);
        assertEquals("""
                available is free: 1
                the kernel's own: 1 1
                a 1 MiB file: Shmem +1024 kB, Cached +1024 kB
                removed: Shmem +0 kB
                1 MiB touched: AnonPages +1024 kB
                VmPTE is this process's share: 1
                """, out);
    }

    @Test
    void procSysFsHasLinuxsLimitsAndTheirEffects() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "sysfs", HELPERS + """
                static void put(const char *path, const char *value)
                {
                    int fd = open(path, O_WRONLY | O_TRUNC);
                    long n = write(fd, value, strlen(value));
                    printf("write %s to %s: %s\\n", value, path + 13, n < 0 ? strerror(errno) : "ok");
                    close(fd);
                }

                int main(void)
                {
                    const char *files[] = {"file-max", "file-nr", "pipe-max-size", "pipe-user-pages-soft",
                            "pipe-user-pages-hard"};
                    for (int i = 0; i < 5; i++) {
                        char path[64];
                        snprintf(path, sizeof path, "/proc/sys/fs/%s", files[i]);
                        int fd = open(path, O_RDONLY);
                        long n = read(fd, text, sizeof text - 1);
                        text[n > 0 ? n : 0] = 0;
                        printf("%s %s", files[i], text);
                        close(fd);
                    }
                    put("/proc/sys/fs/pipe-max-size", "5000");
                    put("/proc/sys/fs/pipe-max-size", "-1");
                    int p[2];
                    pipe(p);
                    printf("a new pipe: %d bytes\\n", fcntl(p[0], F_GETPIPE_SZ));
                    printf("growing it: %s\\n", fcntl(p[0], F_SETPIPE_SZ, 65536) < 0 ? strerror(errno) : "ok");
                    put("/proc/sys/fs/file-max", "3"); /* the console's description and the pipe's two */
                    printf("open: %s\\n", open("/tmp", O_RDONLY) < 0 ? strerror(errno) : "ok");
                    printf("pipe: %s\\n", pipe(p) < 0 ? strerror(errno) : "ok");
                    return 0;
                }
                """);
        assertEquals("""
                file-max 65536
                file-nr 2\t0\t65536
                pipe-max-size 1048576
                pipe-user-pages-soft 16384
                pipe-user-pages-hard 0
                write 5000 to pipe-max-size: ok
                write -1 to pipe-max-size: Invalid argument
                a new pipe: 8192 bytes
                growing it: Operation not permitted
                write 3 to file-max: ok
                open: Too many open files in system
                pipe: Too many open files in system
                """, out);
    }
}
