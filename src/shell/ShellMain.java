package shell;

import boot.Options;
import boot.Session;
import image.BootImage;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;

/**
 * Starting the shell: boots a session with the boot image's files and runs the read-run
 * loop, in batch mode (a script, or standard input that is not a terminal) or interactively
 * on a JLine terminal ({@link JLineConsole}).
 *
 * <p><b>Batch mode</b> reads the input line by line, with no prompt and no line editing
 * ({@code echo} prints "$ LINE" first, for transcripts), runs each command once its lines
 * are complete, reports finished background jobs after each, and ends at the end of the
 * input with the last command's status.
 * Programs see end of file on the console, so that the same script and seed give the same
 * bytes every time.
 */
public final class ShellMain {
    private ShellMain() {}

    /** Boots a session for a shell whose console writes to {@code out}. */
    public static Session boot(Options options, OutputStream out) {
        return Session.boot(options, out, BootImage.load().guestFiles());
    }

    /**
     * Runs the lines of {@code script} in a fresh session, writing everything (the programs'
     * output and the shell's messages) to {@code output}. With {@code echo} each line is
     * printed after the prompt ({@code $ }, or {@code > } for a line that continues a
     * command) before it runs. Returns the last command's status, or exit's.
     */
    public static int runBatch(Options options, InputStream script, OutputStream output, boolean echo) throws IOException {
        return runBatch(options, script, null, output, echo);
    }

    /** As {@link #runBatch(Options, InputStream, OutputStream, boolean)}, naming {@code scriptName} in syntax errors. */
    public static int runBatch(Options options, InputStream script, String scriptName, OutputStream output, boolean echo)
            throws IOException {
        PrintStream out = new PrintStream(new BufferedOutputStream(output, 1 << 16), false, StandardCharsets.UTF_8);
        Session session = boot(options, out);
        session.console().closeInput();
        Shell sh = new Shell(session, Frontend.BATCH, out);
        sh.setScriptName(scriptName);
        BufferedReader in = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8));
        String line;
        while (!sh.exitRequested() && (line = in.readLine()) != null) {
            if (echo) out.println(sh.prompt() + line);
            if (!sh.feed(line)) sh.reportFinishedJobs();
        }
        if (!sh.exitRequested()) sh.endOfInput();
        int status = sh.shutdown();
        out.flush();
        return status;
    }

    /** Runs an interactive session on {@code terminal} until exit or Ctrl-D; returns the exit status. */
    public static int runInteractive(Options options, Terminal terminal, java.nio.file.Path historyFile) {
        return new JLineConsole(options, terminal, historyFile).run();
    }
}
