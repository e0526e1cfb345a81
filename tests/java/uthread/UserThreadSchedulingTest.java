package uthread;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.CGuest;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User threads of the two-level library on one LWP: making them costs the kernel nothing,
 * they take turns in first-come, first-served order, and each has its own errno and its own
 * thread-local variables.
 */
class UserThreadSchedulingTest {
    @TempDir Path tmp;

    @Test
    void creatingUserThreadsMakesNoKernelThread() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "create100", UthreadPrograms.PRELUDE + """
                static int ran;
                static void *count(void *arg) { ran++; return arg; }
                int main(void) {
                    static uthread_t t[100];
                    int i;
                    for (i = 0; i < 100; i++) uthread_create(&t[i], count, (void *)(long)i);
                    printf("made 100: kernel threads %d, lwps %d, ran %d\\n", kernel_threads(), uthread_lwp_count(), ran);
                    for (i = 0; i < 100; i++) {
                        void *r;
                        uthread_join(t[i], &r);
                        if ((long)r != i) printf("thread %d returned %ld\\n", i, (long)r);
                    }
                    printf("joined: kernel threads %d, ran %d\\n", kernel_threads(), ran);
                    return 0;
                }
                """);
        assertEquals("made 100: kernel threads 1, lwps 1, ran 0\njoined: kernel threads 1, ran 100\n", out);
    }

    @Test
    void yieldingThreadsOnOneLwpRunFirstInFirstOut() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "fifo", UthreadPrograms.PRELUDE + """
                static char order[64];
                static int length;
                static void *worker(void *arg) {
                    int i;
                    for (i = 0; i < 3; i++) {
                        order[length++] = 'A' + (int)(long)arg;
                        uthread_yield();
                    }
                    return 0;
                }
                int main(void) {
                    uthread_t t[4];
                    int i;
                    for (i = 0; i < 4; i++) uthread_create(&t[i], worker, (void *)(long)i);
                    order[length++] = 'm';
                    uthread_yield();
                    order[length++] = 'm';
                    for (i = 0; i < 4; i++) uthread_join(t[i], 0);
                    printf("%s\\n", order);
                    return 0;
                }
                """);
        assertEquals("mABCDmABCDABCD\n", out);
    }

    @Test
    void eachUserThreadHasItsOwnErrno() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "errnos", UthreadPrograms.PRELUDE + """
                static void *fail(void *arg) {
                    if (arg) open("/no/such/file", O_RDONLY); /* ENOENT */
                    else close(-1);                            /* EBADF */
                    uthread_yield(); /* the other thread fails in between */
                    uthread_yield();
                    return (void *)(long)errno;
                }
                int main(void) {
                    uthread_t a, b;
                    void *ea, *eb;
                    errno = 0;
                    uthread_create(&a, fail, 0);
                    uthread_create(&b, fail, (void *)1);
                    uthread_join(a, &ea);
                    uthread_join(b, &eb);
                    printf("a %s, b %s, main %d\\n", strerror((int)(long)ea), strerror((int)(long)eb), errno);
                    return 0;
                }
                """);
        assertEquals("a Bad file descriptor, b No such file or directory, main 0\n", out);
    }

    @Test
    void eachUserThreadHasItsOwnThreadLocalVariables() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "tls", UthreadPrograms.PRELUDE + """
                static __thread int counter = 10;
                static _Thread_local char name[8] = "init";
                static void *count(void *arg) {
                    int i;
                    for (i = 0; i < 3; i++) {
                        counter += (int)(long)arg;
                        uthread_yield(); /* the other thread counts in between */
                    }
                    name[0] = 'A' + (int)(long)arg;
                    return (void *)(long)(counter * 100 + name[0]);
                }
                int main(void) {
                    uthread_t a, b;
                    void *ra, *rb;
                    int *before = &counter;
                    counter = 5; /* the main thread's value, kept when the library starts */
                    uthread_create(&a, count, (void *)1);
                    uthread_create(&b, count, (void *)2);
                    uthread_join(a, &ra);
                    uthread_join(b, &rb);
                    printf("a %ld, b %ld, main %d %s, moved %d\\n", (long)ra, (long)rb, counter, name,
                           before != &counter);
                    return 0;
                }
                """);
        assertEquals("a 1366, b 1667, main 5 init, moved 1\n", out);
    }

    @Test
    void joinAndDetachFollowPosixRules() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "joinrules", UthreadPrograms.PRELUDE + """
                static void *quick(void *arg) { return arg; }
                int main(void) {
                    uthread_t t, d;
                    uthread_create(&t, quick, (void *)7);
                    uthread_create(&d, quick, 0);
                    printf("detach %d, join detached %d\\n", uthread_detach(d), uthread_join(d, 0));
                    printf("join self %d\\n", uthread_join(uthread_self(), 0));
                    uthread_yield(); /* both end */
                    void *r;
                    printf("join %d result %ld\\n", uthread_join(t, &r), (long)r);
                    return 0;
                }
                """);
        assertEquals("detach 0, join detached 22\njoin self 35\njoin 0 result 7\n", out);
    }

    @Test
    void processEndsWhenTheLastUserThreadExits() throws Exception {
        String out = CGuest.run(tmp, Options.defaults(), "lastexit", UthreadPrograms.PRELUDE + """
                static void *worker(void *arg) {
                    uthread_yield(); /* main has called uthread_exit by now */
                    printf("worker %ld still running\\n", (long)arg);
                    return 0;
                }
                int main(void) {
                    uthread_t t;
                    long i;
                    for (i = 0; i < 2; i++) uthread_create(&t, worker, (void *)i);
                    printf("main exits\\n");
                    uthread_exit(0);
                    printf("not reached\\n");
                    return 1;
                }
                """);
        assertEquals("main exits\nworker 0 still running\nworker 1 still running\n", out);
    }
}
