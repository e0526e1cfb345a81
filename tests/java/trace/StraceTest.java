package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.Options;
import org.junit.jupiter.api.Test;

/** strace-style formatting of the syscall events. */
class StraceTest {
    @Test
    void forkWriteWaitAndExitLookLikeStrace() throws Exception {
        TracedRun.Result r = TracedRun.program(Options.defaults().withCpus(2), "interleave", 1 << 20);
        String text = Strace.render(r.events());
        assertTrue(text.contains(Strace.aligned("[pid     3] write(1, \"b\", 1)") + "1\n"), text);
        assertTrue(text.contains(Strace.aligned("[pid     2] wait4(-1, NULL, 0, NULL)") + "3\n"), text);
        String childEnd = "?\n[pid     3] +++ exited with 0 +++\n";
        assertTrue(text.contains(Strace.aligned("[pid     3] exit(0)") + childEnd)
                || text.contains(Strace.aligned("[pid     3] exit_group(0)") + childEnd), text);
        assertTrue(text.contains("[pid     1] +++ exited with 0 +++") || !text.contains("[pid     1] exit"), text);
    }

    @Test
    void cloneFlagsAndErrorsAreDecoded() {
        assertEquals("CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|SIGCHLD",
                Strace.cloneFlags(0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 17));
        assertEquals("0", Strace.cloneFlags(0));
        assertEquals("-1 ENOENT (No such file or directory)", Strace.result(-2));
        assertEquals("-1 EAGAIN (Resource temporarily unavailable)", Strace.result(-11));
        assertEquals("42", Strace.result(42));
        assertEquals("+++ exited with 3 +++", Strace.ending(3 << 8));
        assertEquals("+++ killed by SIGSEGV (core dumped) +++", Strace.ending(11 | 0x80));
        // strace puts the = of a result in column 40, or one space after a longer call.
        assertEquals("close(3)" + " ".repeat(31) + "= ", Strace.aligned("close(3)"));
        assertEquals("x".repeat(45) + " = ", Strace.aligned("x".repeat(45)));
    }

    private static TraceEvent event(TraceKind kind, int tid, long arg, String name, long result, String decoded) {
        return new TraceEvent(0, 0, kind, tid, tid, "prog", arg, name, java.util.List.of(-1L, 0L, 0L, 0L, 0L, 0L), result,
                decoded);
    }

    @Test
    void aSignalSentToATaskInsideACallIsShownAfterTheCallAsStraceShowsIt() {
        String chld = "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=6, si_uid=0, si_status=0, si_utime=0, si_stime=0}";
        String text = Strace.render(java.util.List.of(
                event(TraceKind.SYSCALL_ENTER, 5, 61, "wait4", 0, "-1, NULL, 0, NULL"),
                event(TraceKind.SYSCALL_EXIT, 5, 61, "wait4", -syscall.Errno.BLOCKED, null),
                event(TraceKind.SIGNAL, 5, 17, null, 1, chld), // the child's exit, while its parent sleeps
                event(TraceKind.SYSCALL_ENTER, 5, 61, "wait4", 0, "-1, NULL, 0, NULL"),
                event(TraceKind.SYSCALL_EXIT, 5, 61, "wait4", 6, null),
                event(TraceKind.SYSCALL_ENTER, 5, 34, "pause", 0, null),
                event(TraceKind.SYSCALL_EXIT, 5, 34, "pause", -syscall.Errno.BLOCKED, null),
                event(TraceKind.SIGNAL, 5, 9, null, 1, "{si_signo=SIGKILL, si_code=SI_USER, si_pid=1, si_uid=0}"),
                event(TraceKind.EXIT, 5, 9, null, 0, null)));
        assertEquals(Strace.aligned("wait4(-1, NULL, 0, NULL)") + "6\n--- SIGCHLD " + chld + " ---\n"
                + Strace.aligned("pause()") + "?\n+++ killed by SIGKILL +++\n", text);
    }

    @Test
    void aSignalTakenOnTheWayToUserModeEndsTheCallItInterrupted() {
        String usr1 = "{si_signo=SIGUSR1, si_code=SI_USER, si_pid=1, si_uid=0}";
        String text = Strace.render(java.util.List.of(
                event(TraceKind.SYSCALL_ENTER, 5, 34, "pause", 0, null),
                event(TraceKind.SYSCALL_EXIT, 5, 34, "pause", -syscall.Errno.BLOCKED, null),
                event(TraceKind.SIGNAL, 5, 10, null, 0, usr1),
                event(TraceKind.EXIT, 5, 0, null, 0, null)));
        assertEquals("--- SIGUSR1 " + usr1 + " ---\n+++ exited with 0 +++\n", text);
    }

    @Test
    void everyThreadEndsWithItsLineAndThePrefixIsThereWhileSeveralTasksLive() {
        String text = Strace.render(java.util.List.of(
                event(TraceKind.SYSCALL_ENTER, 5, 39, "getpid", 0, null),
                event(TraceKind.SYSCALL_EXIT, 5, 39, "getpid", 5, null),
                event(TraceKind.NEW_TASK, 6, 0, null, 0, null),
                event(TraceKind.SYSCALL_ENTER, 6, 60, "exit", 0, "0"),
                event(TraceKind.EXIT, 6, 0, null, 0, null),
                event(TraceKind.SYSCALL_ENTER, 5, 39, "getpid", 0, null),
                event(TraceKind.SYSCALL_EXIT, 5, 39, "getpid", 5, null),
                event(TraceKind.EXIT, 5, 0x0400, null, 0, null)));
        assertEquals(Strace.aligned("getpid()") + "5\n" + Strace.aligned("[pid     6] exit(0)") + "?\n"
                + "[pid     6] +++ exited with 0 +++\n" + Strace.aligned("getpid()") + "5\n+++ exited with 4 +++\n", text);
    }
}
