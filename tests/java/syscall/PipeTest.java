package syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import org.junit.jupiter.api.Test;

/** The file calls wired through the table: a blocking pipe read, and SIGPIPE. */
class PipeTest {
    @Test
    void aReaderSleepsUntilTheWriterWritesThenSeesEndOfFile() throws Exception {
        GuestRun.Result r = GuestRun.run("pipe", "p");
        assertEquals("ping\neof 0\n", r.output());
        assertEquals(0, r.status());
    }

    @Test
    void writingToAPipeWithoutReadersKillsTheWriterWithSigpipe() throws Exception {
        assertEquals(128 + 13, GuestRun.run("pipe", "s").status());
    }
}
