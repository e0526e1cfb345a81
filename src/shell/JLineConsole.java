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
 * into signals for this (host) process; the handlers only note the key, and the shell's
 * thread, between two rounds of the machine, drops what was typed ahead of it and passes
 * SIGINT or SIGTSTP to the foreground process group. Guest-visible behaviour therefore depends on where the machine was when the
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
        terminal.handle(Terminal.Signal.INT, s -> pendingKey = Signals.SIGINT);
        terminal.handle(Terminal.Signal.TSTP, s -> pendingKey = Signals.SIGTSTP);
    }

    /** The read-run loop; returns the shell's exit status. */
    int run() {
        out.println("Clonix: " + sh.session().kernel().scheduler().cpuCount()
                + " CPUs. Type 'help' for the commands, Ctrl-D or 'exit' to leave.");
        while (!sh.exitRequested()) {
            sh.reportFinishedJobs();
            String line;
            try {
                line = reader.readLine(sh.prompt()); // "> " while a command goes on over several lines
            } catch (UserInterruptException e) {
                sh.discardPending();
                continue;
            } catch (EndOfFileException e) {
                sh.endOfInput();
                out.println("exit");
                break;
            }
            pendingKey = 0;
            sh.feed(line);
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
     * turns into UserInterruptException, and the key is left pending for the job loop. A key
     * pressed after the job loop last looked and before the handlers below were in place is
     * pending already: then there is no wait at all.
     */
    @Override
    public String readProgramInput() {
        Thread readingThread = Thread.currentThread();
        Terminal.SignalHandler previousInt = terminal.handle(Terminal.Signal.INT, s -> {
            pendingKey = Signals.SIGINT;
            readingThread.interrupt();
        });
        Terminal.SignalHandler previousTstp = terminal.handle(Terminal.Signal.TSTP, s -> {
            pendingKey = Signals.SIGTSTP;
            readingThread.interrupt();
        });
        try {
            if (pendingKey != 0) return "";
            return programInput.readLine("") + "\n";
        } catch (UserInterruptException e) {
            if (pendingKey == 0) pendingKey = Signals.SIGINT;
            return ""; // the job loop takes the key, and the keys typed ahead of it with it
        } catch (EndOfFileException e) {
            return null;
        } finally {
            terminal.handle(Terminal.Signal.INT, previousInt);
            terminal.handle(Terminal.Signal.TSTP, previousTstp);
            Thread.interrupted(); // a key (read or not) must not interrupt what the shell does next
        }
    }

    /**
     * Drops the keys typed before Ctrl-C or Ctrl-Z that nobody has read yet, as Linux's line
     * discipline flushes its input queue when it turns a key into a signal; left there, the
     * next prompt would read them as the start of a command. JLine's input thread queues every
     * key ahead of the signal key before it raises the signal, so they are all here by the time
     * the key is noticed. Runs on the shell's thread, the terminal's only reader; a key typed
     * after the signal key and before the shell noticed it is dropped too.
     */
    private void flushTypedAhead() {
        NonBlockingReader in = terminal.reader();
        try {
            while (in.read(1L) >= 0) {
                // Drop it.
            }
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
        if (k != 0) flushTypedAhead();
        return k;
    }
}
