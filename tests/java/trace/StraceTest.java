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
        assertTrue(text.contains(Strace.aligned("[pid     2] wait4(-1, 0, 0, 0)") + "3\n"), text);
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
        assertEquals("-1 ENOENT", Strace.result(-2));
        assertEquals("42", Strace.result(42));
        assertEquals("+++ exited with 3 +++", Strace.ending(3 << 8));
        assertEquals("+++ killed by SIGSEGV (core dumped) +++", Strace.ending(11 | 0x80));
        // strace puts the = of a result in column 40, or one space after a longer call.
        assertEquals("close(3)" + " ".repeat(31) + "= ", Strace.aligned("close(3)"));
        assertEquals("x".repeat(45) + " = ", Strace.aligned("x".repeat(45)));
    }
}
