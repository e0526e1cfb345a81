package pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.Kernel;
import boot.Options;
import image.BootImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import obj.Executable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trace.TraceEvent;
import trace.TraceKind;

/**
 * How libpthread uses the kernel, seen in the system calls it makes: glibc's clone flags,
 * no system call for an uncontended mutex or for libc's internal locks in a program without
 * threads, stacks reused from the cache instead of mapped anew, and the guard page under a
 * thread's stack turning an overflow into SIGSEGV.
 */
class PthreadMechanismsTest {
    @TempDir Path tmp;

    /** What one run printed, its status, and the system calls it entered. */
    private record Run(String output, int status, List<TraceEvent> syscalls) {
        long count(String name) {
            return syscalls.stream().filter(e -> name.equals(e.name())).count();
        }
    }

    private Run run(String name, String source) throws Exception {
        Executable program = CGuest.compile(tmp, name, source);
        BootImage image = BootImage.load();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(Options.defaults(), console, new ByteArrayInputStream(new byte[0]));
        for (Map.Entry<String, byte[]> f : image.guestFiles().entrySet()) kernel.installFile(f.getKey(), f.getValue(), 0755);
        kernel.install("/tmp/" + name, program);
        kernel.scheduler().tracer().enable(1 << 20);
        int status = kernel.run("/tmp/" + name, List.of("/tmp/" + name));
        List<TraceEvent> calls = kernel.scheduler().tracer().events().stream()
                .filter(e -> e.kind() == TraceKind.SYSCALL_ENTER && e.comm().equals(name)).toList();
        boot.GuestRun.checkNothingLeaked(kernel);
        return new Run(console.toString(StandardCharsets.UTF_8), status, calls);
    }

    @lab.PartOfLab("clone")
    @Test
    void pthreadCreatePassesGlibcsCloneFlags() throws Exception {
        Run r = run("flags", """
                #include <pthread.h>
                #include <stdio.h>
                static void *f(void *a) { return a; }
                int main(void) {
                    pthread_t t;
                    void *v;
                    pthread_create(&t, 0, f, (void *)7L);
                    pthread_join(t, &v);
                    printf("%ld\\n", (long)v);
                    return 0;
                }
                """);
        assertEquals("7\n", r.output());
        List<TraceEvent> clones = r.syscalls().stream().filter(e -> "clone".equals(e.name())).toList();
        assertEquals(1, clones.size());
        // CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID
        assertEquals(0x3d0f00L, clones.get(0).args().get(0));
    }

    @Test
    void aProgramWithoutThreadsTakesNoLocksInTheKernel() throws Exception {
        Run r = run("single", """
                #include <pthread.h>
                #include <stdio.h>
                #include <stdlib.h>
                int main(void) {
                    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
                    long i, sum = 0;
                    for (i = 0; i < 1000; i++) {
                        char *p = malloc(100);
                        p[0] = (char)i;
                        sum += p[0];
                        free(p);
                        pthread_mutex_lock(&m);
                        pthread_mutex_unlock(&m);
                    }
                    printf("%ld\\n", sum);
                    return 0;
                }
                """);
        assertEquals(0, r.status());
        assertEquals(0, r.count("futex"), "uncontended locks must not enter the kernel");
    }

    @lab.PartOfLab("clone")
    @Test
    void uncontendedMutexNeedsNoSystemCallWithThreadsAlive() throws Exception {
        Run r = run("uncontended", """
                #include <pthread.h>
                #include <stdio.h>
                static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
                static pthread_barrier_t b;
                static void *idle(void *a) { pthread_barrier_wait(&b); return a; }
                int main(void) {
                    pthread_t t;
                    long i;
                    pthread_barrier_init(&b, 0, 2);
                    pthread_create(&t, 0, idle, 0);
                    for (i = 0; i < 5000; i++) {
                        pthread_mutex_lock(&m);
                        pthread_mutex_unlock(&m);
                    }
                    pthread_barrier_wait(&b);
                    pthread_join(t, 0);
                    printf("done\\n");
                    return 0;
                }
                """);
        assertEquals("done\n", r.output());
        assertTrue(r.count("futex") < 10, "5000 lock pairs made " + r.count("futex") + " futex calls");
    }

    @lab.PartOfLab("clone")
    @Test
    void joinedThreadsStacksAreReusedNotMappedAgain() throws Exception {
        Run r = run("reuse", """
                #include <pthread.h>
                #include <stdio.h>
                static void *f(void *a) { return a; }
                int main(void) {
                    long i, sum = 0;
                    for (i = 0; i < 200; i++) {
                        pthread_t t;
                        void *v;
                        pthread_create(&t, 0, f, (void *)i);
                        pthread_join(t, &v);
                        sum += (long)v;
                    }
                    printf("%ld\\n", sum);
                    return 0;
                }
                """);
        assertEquals("19900\n", r.output());
        assertEquals(200, r.count("clone"));
        assertTrue(r.count("mmap") <= 3, "200 threads mapped " + r.count("mmap") + " stacks");
        assertEquals(0, r.count("munmap"));
    }

    @Test
    void stackOverflowInAThreadHitsTheGuardPage() throws Exception {
        Run r = run("overflow", """
                #include <pthread.h>
                #include <stdio.h>
                static long deep(long n) { volatile char pad[512]; pad[0] = (char)n; return n == 0 ? 0 : deep(n - 1) + pad[0]; }
                static void *f(void *a) { return (void *)deep(1000000); }
                int main(void) {
                    pthread_t t;
                    pthread_attr_t attr;
                    pthread_attr_init(&attr);
                    pthread_attr_setstacksize(&attr, 65536);
                    pthread_create(&t, &attr, f, 0);
                    pthread_join(t, 0);
                    printf("survived\\n");
                    return 0;
                }
                """);
        assertFalse(r.output().contains("survived"));
        assertNotEquals(0, r.status());
    }

    @lab.PartOfLab("clone")
    @Test
    void psFLShowsOneRowPerThreadWithNlwp() throws Exception {
        Run r = run("lwps", """
                #include <pthread.h>
                #include <stdio.h>
                #include <sys/wait.h>
                #include <unistd.h>
                static pthread_barrier_t b;
                static void *idle(void *a) { pthread_barrier_wait(&b); return a; }
                int main(void) {
                    pthread_t t[3];
                    char pid[16];
                    char *argv[] = {"ps", "-fL", "-p", pid, 0};
                    int i;
                    pthread_barrier_init(&b, 0, 4);
                    for (i = 0; i < 3; i++) pthread_create(&t[i], 0, idle, 0);
                    snprintf(pid, sizeof pid, "%d", getpid());
                    fflush(stdout);
                    if (fork() == 0) {
                        execv("/bin/ps", argv);
                        _exit(127);
                    }
                    wait(0);
                    pthread_barrier_wait(&b);
                    for (i = 0; i < 3; i++) pthread_join(t[i], 0);
                    return 0;
                }
                """);
        assertEquals(0, r.status(), r.output());
        String[] lines = r.output().split("\n");
        assertEquals(5, lines.length, r.output());
        List<String> header = List.of(lines[0].trim().split(" +"));
        int lwp = header.indexOf("LWP"), nlwp = header.indexOf("NLWP");
        assertTrue(lwp > 0 && nlwp > 0, lines[0]);
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cols = lines[i].trim().split(" +");
            assertEquals("4", cols[nlwp], lines[i]);
            ids.add(cols[lwp]);
        }
        assertEquals(4, ids.size(), "one row per LWP: " + r.output());
    }
}
