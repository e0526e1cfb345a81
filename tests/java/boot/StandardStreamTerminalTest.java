package boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * A command's standard streams are terminals exactly when Kernel.setTerminals says the
 * host's are (./clonix run asks the host). One that is not is a pipe-like stream: isatty is
 * 0, so stdio buffers it fully, and a line printed before fork without a flush is printed by
 * both processes, as on Linux with the output in a file.
 */
class StandardStreamTerminalTest {
    @TempDir Path tmp;

    private static final String PROGRAM = """
            #include <stdio.h>
            #include <sys/stat.h>
            #include <sys/wait.h>
            #include <unistd.h>
            int main(void)
            {
                struct stat st;
                fstat(1, &st);
                printf("isatty %d %d %d, stdout a FIFO %d\\n", isatty(0), isatty(1), isatty(2), S_ISFIFO(st.st_mode));
                if (fork() == 0) return 0;
                wait(NULL);
                return 0;
            }
            """;

    private String run(boolean stdin, boolean stdout, boolean stderr) throws Exception {
        Executable exe = CGuest.compile(tmp, "streams", PROGRAM);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Kernel kernel = Kernel.boot(Options.defaults(), console, new ByteArrayInputStream(new byte[0]));
        for (Map.Entry<String, byte[]> f : BootImage.load().guestFiles().entrySet()) kernel.installFile(f.getKey(), f.getValue(), 0755);
        kernel.install("/tmp/streams", exe);
        kernel.setTerminals(stdin, stdout, stderr);
        assertEquals(0, kernel.run("/tmp/streams", List.of("streams")));
        GuestRun.checkNothingLeaked(kernel);
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void byDefaultEveryStreamIsTheTerminalAndStdoutIsLineBuffered() throws Exception {
        assertEquals("isatty 1 1 1, stdout a FIFO 0\n", run(true, true, true));
    }

    @Test
    void aRedirectedStdoutIsNoTerminalAndIsFullyBuffered() throws Exception {
        String line = "isatty 1 0 1, stdout a FIFO 1\n";
        assertEquals(line + line, run(true, false, true));
    }

    @Test
    void everyStreamCanBeRedirected() throws Exception {
        String line = "isatty 0 0 0, stdout a FIFO 1\n";
        assertEquals(line + line, run(false, false, false));
    }
}
