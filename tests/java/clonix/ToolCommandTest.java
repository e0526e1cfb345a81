package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Every clonix tool (cc, as, ld, ar, objdump, exec, run, bench) is a ToolCommand: whatever
 * goes wrong inside it, the user gets one line on standard error and a non-zero status,
 * never a stack trace, even for the Java errors a process survives.
 */
class ToolCommandTest {
    /** A tool whose work fails with a given Java error. */
    @Command(name = "boom")
    static final class Boom extends ToolCommand {
        private final Error error;

        Boom(Error error) {
            this.error = error;
        }

        @Override
        int call0() {
            throw error;
        }
    }

    private static String run(Error error) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom(error));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute();
        return err + "[status " + status + "]";
    }

    @Test
    void outOfMemoryIsOneLine() {
        assertEquals("clonix boom: fatal error: out of memory (the Java heap is full)\n[status 1]",
                run(new OutOfMemoryError("Java heap space")));
    }

    @Test
    void stackOverflowIsOneLine() {
        assertEquals("clonix boom: fatal error: out of stack (input nested too deeply)\n[status 1]",
                run(new StackOverflowError()));
    }
}
