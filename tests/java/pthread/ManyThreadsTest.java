package pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads beyond Linux's default limits once an administrator raises them, and the
 * mechanisms that keep many threads cheap: the top-down mmap search resuming where the last
 * one ended (so n thread stacks do not cost n² steps) must still find the highest free gap,
 * and vm.max_map_count must bound the mappings.
 */
class ManyThreadsTest {
    @TempDir Path tmp;

    @lab.PartOfLab("clone")
    @Test
    void tenThousandThreadsFitWithDefaultSettings() throws Exception {
        // Each thread pays for a stack page and the page table that maps it: more than 64 MiB.
        String out = CGuest.run(tmp, Options.defaults(), "tenk", """
                #include <pthread.h>
                #include <stdio.h>
                #include <stdlib.h>

                #define N 10000
                static pthread_barrier_t all;

                static void *body(void *arg)
                {
                    pthread_barrier_wait(&all);
                    return arg;
                }

                int main(void)
                {
                    pthread_t *t = malloc(N * sizeof *t);
                    int i;
                    pthread_barrier_init(&all, 0, N + 1);
                    for (i = 0; i < N; i++) {
                        if (pthread_create(&t[i], 0, body, 0) != 0) {
                            printf("create %d failed\\n", i);
                            return 1;
                        }
                    }
                    pthread_barrier_wait(&all);
                    for (i = 0; i < N; i++) pthread_join(t[i], 0);
                    printf("%d threads alive at once\\n", N);
                    free(t);
                    return 0;
                }
                """);
        assertEquals("10000 threads alive at once\n", out);
    }

    @lab.PartOfLab("clone")
    @Test
    void moreThreadsThanTheDefaultPidMaxOnceTheLimitsAreRaised() throws Exception {
        String out = CGuest.run(tmp, Options.defaults().withMemory(1024L << 20).withMaxTasks(40_000).withPidMax(50_000),
                "many", """
                #include <pthread.h>
                #include <stdio.h>
                #include <stdlib.h>
                #include <sys/syscall.h>
                #include <unistd.h>

                #define N 33000
                static pthread_barrier_t all;
                static int highest_tid;

                static void *body(void *arg)
                {
                    int tid = (int)syscall(SYS_gettid);
                    if (tid > highest_tid) highest_tid = tid; /* racy, but only ever grows */
                    pthread_barrier_wait(&all);
                    return arg;
                }

                int main(void)
                {
                    /* Two mappings per thread (stack and guard page): raise vm.max_map_count. */
                    FILE *f = fopen("/proc/sys/vm/max_map_count", "w");
                    pthread_t *t = malloc(N * sizeof *t);
                    int i;
                    fprintf(f, "100000\\n");
                    fclose(f);
                    pthread_barrier_init(&all, 0, N + 1);
                    for (i = 0; i < N; i++) {
                        if (pthread_create(&t[i], 0, body, 0) != 0) {
                            printf("create %d failed\\n", i);
                            return 1;
                        }
                    }
                    pthread_barrier_wait(&all);
                    for (i = 0; i < N; i++) pthread_join(t[i], 0);
                    printf("%d threads alive at once, tids above 32768: %s\\n", N, highest_tid > 32768 ? "yes" : "no");
                    free(t);
                    return 0;
                }
                """);
        assertEquals("33000 threads alive at once, tids above 32768: yes\n", out);
    }

    @Test
    void topDownMmapStillFindsTheHighestGapAfterUnmapping() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "gaps", """
                #include <stdio.h>
                #include <sys/mman.h>

                #define K 1024L
                static char *map(long size)
                {
                    return mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                }

                int main(void)
                {
                    char *a = map(64 * K), *b = map(64 * K), *c = map(64 * K), *d, *e, *g;
                    printf("stacked down: %s\\n", b == a - 64 * K && c == b - 64 * K ? "yes" : "no");
                    munmap(b, 64 * K);
                    d = map(64 * K);
                    printf("the freed gap is reused: %s\\n", d == b ? "yes" : "no");
                    e = map(128 * K);
                    printf("a larger one goes below: %s\\n", e == c - 128 * K ? "yes" : "no");
                    munmap(a, 64 * K);
                    g = map(32 * K);
                    printf("the highest gap first: %s\\n", g == a + 32 * K ? "yes" : "no");
                    return 0;
                }
                """);
        assertEquals("""
                stacked down: yes
                the freed gap is reused: yes
                a larger one goes below: yes
                the highest gap first: yes
                """, out);
    }

    @Test
    void maxMapCountBoundsTheMappingsOfAProcess() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "mapcount", """
                #include <errno.h>
                #include <stdio.h>
                #include <string.h>
                #include <sys/mman.h>

                int main(void)
                {
                    char line[32];
                    FILE *f = fopen("/proc/sys/vm/max_map_count", "r");
                    int made = 0, prot = PROT_READ;
                    fgets(line, sizeof line, f);
                    fclose(f);
                    f = fopen("/proc/sys/vm/max_map_count", "w");
                    fprintf(f, "40\\n");
                    fclose(f);
                    /* Alternate protections so that neighbours never merge: one VMA each. */
                    while (mmap(0, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED) {
                        prot = prot == PROT_READ ? PROT_READ | PROT_WRITE : PROT_READ;
                        made++;
                    }
                    printf("default %s", line);
                    printf("stopped by %s after %s\\n", strerror(errno), made > 20 && made < 40 ? "20..40" : "?");
                    return 0;
                }
                """);
        assertEquals("default 65530\nstopped by Cannot allocate memory after 20..40\n", out);
    }
}
