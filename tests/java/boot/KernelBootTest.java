package boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Booting a kernel and running one program under init. */
class KernelBootTest {
    @Test
    void helloRunsUnderInitAndItsExitCodeIsTheRunsStatus() throws Exception {
        GuestRun.Result r = GuestRun.run("hello");
        assertEquals("hello from clonix\n", r.output());
        assertEquals(3, r.status());
    }

    @Test
    void standardInputOutputAndErrorAreTheConsole() throws Exception {
        byte[] input = "one line\nand another\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        GuestRun.Result r = GuestRun.runWithInput(Options.defaults().withCycleLimit(10_000_000),
                java.util.Map.of("cat", GuestRun.build("cat")), input, "cat");
        assertEquals("one line\nand another\n", r.output());
        assertEquals(0, r.status());
    }

    @Test
    void aMissingProgramGives127() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Kernel k = Kernel.boot(Options.defaults(), out, new java.io.ByteArrayInputStream(new byte[0]));
        assertEquals(127, k.run("/bin/nothing", java.util.List.of("nothing")));
        GuestRun.checkNothingLeaked(k);
    }

    @Test
    void aFileThatIsNotAnExecutableGives126() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Kernel k = Kernel.boot(Options.defaults(), out, new java.io.ByteArrayInputStream(new byte[0]));
        k.installFile("/bin/text", "just text\n".getBytes(), 0755);
        assertEquals(126, k.run("/bin/text", java.util.List.of("text")));
        assertTrue(out.size() == 0);
        GuestRun.checkNothingLeaked(k);
    }
}
