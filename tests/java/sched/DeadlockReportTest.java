package sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.GuestRun;
import boot.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadlock report says what each blocked thread waits on, decoded from the system call
 * it sleeps in: the futex word and its value, the child a parent waits for, the pipe a
 * reader waits on and who holds its write end, and the owner of a priority-inheritance
 * mutex a thread waits for; and where in the program's own code each thread waits (the
 * line that called into libc), so the report names the stuck lock or read.
 */
class DeadlockReportTest {
    @TempDir Path tmp;

    /** Two processes, each reading the pipe the other one should write to first. */
    private static final String CROSSED_PIPES = """
            #include <sys/wait.h>
            #include <unistd.h>
            int main(void)
            {
                int up[2], down[2];
                char c;
                pipe(up);
                pipe(down);
                pid_t child = fork();
                if (child == 0) {
                    read(down[0], &c, 1);   /* waits for the parent, which waits for it */
                    write(up[1], "x", 1);
                    _exit(0);
                }
                read(up[0], &c, 1);
                write(down[1], "x", 1);
                waitpid(child, 0, 0);
                return 0;
            }
            """;

    /** A thread that waits on a futex nobody will wake, while main waits for it with wait4. */
    private static final String LOST_WAKEUP = """
            #include <linux/futex.h>
            #include <sys/syscall.h>
            #include <sys/wait.h>
            #include <unistd.h>
            static int word = 7;
            int main(void)
            {
                pid_t child = fork();
                if (child == 0) {
                    syscall(SYS_futex, &word, FUTEX_WAIT, 7, 0, 0, 0);
                    _exit(0);
                }
                waitpid(child, 0, 0);
                return 0;
            }
            """;

    /** A thread holds a PTHREAD_PRIO_INHERIT mutex and waits on a pipe only main could write to; main wants the mutex. */
    private static final String PI_OWNER_BLOCKED = """
            #include <pthread.h>
            #include <unistd.h>
            static pthread_mutex_t m;
            static int fds[2];
            static volatile int held;
            static void *holder(void *arg)
            {
                char c;
                pthread_mutex_lock(&m);
                held = 1;
                read(fds[0], &c, 1);
                pthread_mutex_unlock(&m);
                return arg;
            }
            int main(void)
            {
                pthread_mutexattr_t a;
                pthread_t t;
                pipe(fds);
                pthread_mutexattr_init(&a);
                pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
                pthread_mutex_init(&m, &a);
                pthread_create(&t, 0, holder, 0);
                while (!held) usleep(1000);
                pthread_mutex_lock(&m);
                write(fds[1], "x", 1);
                return 0;
            }
            """;

    @Test
    void aThreadWaitingForAPriorityInheritanceMutexIsToldItsOwnerAndWhatTheOwnerWaitsFor() throws Exception {
        GuestRun.Result r = GuestRun.runExecutable(Options.defaults(), CGuest.compile(tmp, "pi", PI_OWNER_BLOCKED), "pi");
        String out = r.output();
        assertTrue(out.matches("(?s).*  2 pi: S futex_lock_pi 0x[0-9a-f]+ \\(word = 0x80000003\\): owned by 3 \\(pi, S in read\\) at main \\S*/pi\\.c:25\n.*"), out);
        assertTrue(out.matches("(?s).*  3 pi: S read fd 3: pipe:\\[\\d+\\] is empty; its write end is open in 2 at holder \\S*/pi\\.c:11\n.*"), out);
        assertEquals(137, r.status());
    }

    @Test
    void aReaderIsToldWhichPipeAndWhoHoldsItsWriteEnd() throws Exception {
        GuestRun.Result r = GuestRun.runExecutable(Options.defaults(), CGuest.compile(tmp, "pipes", CROSSED_PIPES), "pipes");
        String out = r.output();
        assertTrue(out.startsWith("clonix: deadlock: no task can run again\n"), out);
        assertTrue(out.matches("(?s).*  2 pipes: S read fd 3: pipe:\\[\\d+\\] is empty; its write end is open in 2, 3 at main \\S*/pipes\\.c:15\n.*"), out);
        assertTrue(out.matches("(?s).*  3 pipes: S read fd 5: pipe:\\[\\d+\\] is empty; its write end is open in 2, 3 at main \\S*/pipes\\.c:11\n.*"), out);
        assertEquals(137, r.status());
    }

    @Test
    void aFutexWaiterShowsTheWordAndItsParentTheChildItWaitsFor() throws Exception {
        GuestRun.Result r = GuestRun.runExecutable(Options.defaults(), CGuest.compile(tmp, "futex", LOST_WAKEUP), "futex");
        String out = r.output();
        assertTrue(out.matches("(?s).*  2 futex: S wait4 for child 3 \\(children: 3 S\\) at main \\S*/futex\\.c:13\n.*"), out);
        assertTrue(out.matches("(?s).*  3 futex: S futex 0x[0-9a-f]+ \\(word = 7\\) at main \\S*/futex\\.c:10\n.*"), out);
        assertTrue(out.contains("  1 init: S wait4 for any child (children: 2 S)\n"), out);
        assertEquals(137, r.status());
    }
}
