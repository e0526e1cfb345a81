package shell;

import boot.Options;
import boot.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;
import task.Signals;

/**
 * The interactive console: a JLine line reader for the prompt (editing, history kept in a
 * file, completion by {@link ShellCompleter}) and the {@link Frontend} the shell consults
 * while a program runs.
 *
 * <p><b>Keys.</b> At the prompt JLine reads raw keys, so Ctrl-C just abandons the line. While
 * a program runs the terminal is in its normal mode and the tty driver turns Ctrl-C and Ctrl-Z
 * into signals for this (host) process; the handlers note the key and drop what was typed
 * ahead of it, and the shell's thread, between two rounds of the machine, passes SIGINT or
 * SIGTSTP to the foreground process group. Guest-visible behaviour therefore depends on where the machine was when the
 * key was noticed, never on a host thread touching the kernel.
 */
final class JLineConsole implements Frontend {
    private final Terminal terminal;
    private final PrintStream out;
    private final Shell sh;
    private final LineReader reader;
    private final LineReader programInput;
    private volatile int pendingKey;

    JLineConsole(Options options, Terminal terminal, Path historyFile) {
        this.terminal = terminal;
        this.out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        Session session = ShellMain.boot(options, out);
        this.sh = new Shell(session, this, out);
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("clonix")
                .completer(new ShellCompleter(sh));
        if (historyFile != null) b.variable(LineReader.HISTORY_FILE, historyFile);
        this.reader = b.build();
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // '!' is an ordinary character here
        this.programInput = LineReaderBuilder.builder().terminal(terminal).appName("clonix-input").build();
        programInput.setVariable(LineReader.DISABLE_HISTORY, true);
        terminal.handle(Terminal.Signal.INT, s -> keyPressed(Signals.SIGINT));
        terminal.handle(Terminal.Signal.TSTP, s -> keyPressed(Signals.SIGTSTP));
    }

    /** The read-run loop; returns the shell's exit status. */
    int run() {
        out.println("Clonix: " + sh.session().kernel().scheduler().cpuCount()
                + " CPUs. Type 'help' for the commands, Ctrl-D or 'exit' to leave.");
        while (!sh.exitRequested()) {
            sh.reportFinishedJobs();
            String line;
            try {
                line = reader.readLine(Shell.PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                out.println("exit");
                break;
            }
            pendingKey = 0;
            sh.runLine(line);
        }
        int status = sh.shutdown();
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("sh: cannot save the history: " + e.getMessage());
        }
        out.flush();
        return status;
    }

    @Override
    public boolean interactive() {
        return true;
    }

    /**
     * A line typed for the foreground program. Ctrl-C and Ctrl-Z end the wait at once, as a
     * terminal's line discipline does (the half-typed line is dropped, as Linux flushes the
     * input queue on a signal character): the reading thread is interrupted, which JLine
     * turns into UserInterruptException, and the key is left pending for the job loop.
     */
    @Override
    public String readProgramInput() {
        Thread readingThread = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.TSTP, s -> {
            keyPressed(Signals.SIGTSTP);
            readingThread.interrupt();
        });
        try {
            return programInput.readLine("") + "\n";
        } catch (UserInterruptException e) {
            if (pendingKey == 0) pendingKey = Signals.SIGINT;
            Thread.interrupted(); // the flag Ctrl-Z set would stop the flush
            flushTypedAhead();
            return "";
        } catch (EndOfFileException e) {
            return null;
        } finally {
            terminal.handle(Terminal.Signal.TSTP, previous);
            Thread.interrupted(); // a Ctrl-Z that came after the line was read must not linger
        }
    }

    /**
     * Ctrl-C or Ctrl-Z was pressed while a program runs: the key is noted for the job loop and
     * the keys typed before it are dropped, as Linux's line discipline flushes its input queue
     * when it turns a key into a signal. Called on JLine's input thread, before it looks at the
     * next key.
     */
    private void keyPressed(int signal) {
        pendingKey = signal;
        flushTypedAhead();
    }

    /**
     * Drops the keys typed before the signal key that nobody has read yet. JLine's input
     * thread queues every key ahead of Ctrl-C or Ctrl-Z before it raises the signal, so by the
     * time the reader is interrupted they are all buffered here; left there, the next prompt
     * would read them as the start of a command.
     */
    private void flushTypedAhead() {
        NonBlockingReader in = terminal.reader();
        try {
            while (in.ready()) in.read(1L);
        } catch (IOException e) {
            // Nothing left to drop.
        }
    }

    @Override
    public boolean keyPending() {
        return pendingKey != 0;
    }

    @Override
    public int takeKey() {
        int k = pendingKey;
        pendingKey = 0;
        return k;
    }
}
