package boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Java exception inside the kernel (a kernel bug) is contained as Linux contains an oops:
 * one line on the console, the process being served is killed with SIGKILL, and the machine
 * carries on: init still reaps it and the run ends normally, with nothing leaked.
 */
class KernelOopsTest {
    @Test
    void aKernelBugKillsTheProcessNotTheMachine() throws Exception {
        String program = """
                        .text
                        .globl _start
                _start: la      a0, before
                        call    puts
                        li      a7, 500        # the broken call
                        syscall
                        la      a0, after
                        call    puts
                        li      a0, 0
                        call    sys_exit
                        .data
                before: .asciz  "before\\n"
                after:  .asciz  "after\\n"
                """;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(Options.defaults(), out, new ByteArrayInputStream(new byte[0]));
        k.syscalls().register(500, "broken", (t, a) -> {
            throw new IllegalStateException("a kernel bug");
        });
        k.install("/bin/oops", GuestRun.link(program, "oops.s"));
        int status = k.run("/bin/oops", List.of("oops"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(128 + 9, status, text);
        assertTrue(text.startsWith("before\nclonix: kernel BUG in trap SYSCALL for pid 2 (oops): "
                + "java.lang.IllegalStateException: a kernel bug"), text);
        assertTrue(text.endsWith("; the process is killed\n"), text);
        assertEquals(1, k.oopses().size());
        // Everything else about the run is healthy: the process's resources all came back.
        GuestRun.checkEverythingReleased(k);
    }
}
