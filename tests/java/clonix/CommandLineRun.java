package clonix;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base for tests that run the {@code clonix} command line in-process: the guest console
 * (which {@code clonix run} writes to System.out) is captured in {@link #console}, the
 * command's error stream in {@link #err}, and {@link #dir} is a fresh directory.
 */
public abstract class CommandLineRun {
    @TempDir protected Path dir;
    protected final ByteArrayOutputStream console = new ByteArrayOutputStream();
    protected final StringWriter err = new StringWriter();
    private PrintStream savedOut;

    @BeforeEach
    void captureConsole() {
        savedOut = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(savedOut);
    }

    /** Runs {@code clonix ARGS...}; returns its exit status (standard output is dropped). */
    protected int clonix(String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }
}
