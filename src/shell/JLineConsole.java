package shell;

import boot.Options;
import boot.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.MaskingCallback;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;
import task.Signals;

/**
 * The interactive console: a JLine line reader for the prompt (editing, history kept in a
 * file, completion by {@link ShellCompleter}) and the {@link Frontend} the shell consults
 * while a program runs.
 *
 * <p><b>Keys while a program runs.</b> For a foreground job the host terminal is put in raw
 * mode (no echo, no line editing, no signals: the guest's console does all that, per its
 * own termios) and a reader thread takes the keys as they are typed and queues them. The
 * shell's thread drains the queue between two rounds of the machine and gives the keys to
 * the console's line discipline, so a program reads them at once (top's {@code q}) or line
 * by line, and Ctrl-C becomes SIGINT only if the program's termios say so. The reader thread
 * never touches the kernel: guest-visible behaviour depends on where the machine was when a
 * key was noticed, never on a host thread. When the job stops or ends, the thread is
 * stopped and the terminal's modes restored; keys it had read stay queued for the next job
 * of the line, and what nobody read by the next prompt becomes the start of its line, as
 * type-ahead does under bash.
 *
 * <p>Between the prompt and raw mode the terminal is in its normal mode, where the tty
 * driver turns Ctrl-C and Ctrl-Z into signals for this (host) process; the handlers note
 * the key and the shell passes SIGINT or SIGTSTP to the foreground process group.
 */
final class JLineConsole implements Frontend {
    /** How long the reader thread waits for a key before it checks whether it should stop. */
    private static final long READ_MILLIS = 20;
    /** In the key queue: the terminal's input has ended. */
    private static final int END = -1;

    private final Terminal terminal;
    private final PrintStream out;
    private final Shell sh;
    private final LineReader reader;
    private final Pacer pacer;
    private volatile int pendingKey;
    /** Keys (UTF-16 units) read by {@link #keyReader}, for the shell's thread. */
    private final LinkedBlockingDeque<Integer> typed = new LinkedBlockingDeque<>();
    private Thread keyReader;
    private volatile boolean reading;
    /** The terminal's attributes before a foreground job put it in raw mode; null at the prompt. */
    private Attributes promptAttributes;

    JLineConsole(Options options, Terminal terminal, Path historyFile) {
        this(options, terminal, historyFile, Pacer.WallClock.SYSTEM);
    }

    /** A console on {@code terminal} whose pacing uses {@code clock} (tests give a clock of their own). */
    JLineConsole(Options options, Terminal terminal, Path historyFile, Pacer.WallClock clock) {
        this.terminal = terminal;
        this.out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        this.pacer = new Pacer(clock);
        Session session = ShellMain.boot(options, out);
        this.sh = new Shell(session, this, out);
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("clonix")
                .completer(new ShellCompleter(sh));
        if (historyFile != null) b.variable(LineReader.HISTORY_FILE, historyFile);
        this.reader = b.build();
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // '!' is an ordinary character here
        terminal.handle(Terminal.Signal.INT, s -> pendingKey = Signals.SIGINT);
        terminal.handle(Terminal.Signal.TSTP, s -> pendingKey = Signals.SIGTSTP);
    }

    /** The read-run loop; returns the shell's exit status. */
    int run() {
        out.println("Clonix: " + sh.session().kernel().scheduler().cpuCount()
                + " CPUs. Type 'help' for the commands, Ctrl-D or 'exit' to leave.");
        while (!sh.exitRequested()) {
            sh.reportFinishedJobs();
            stopReading(); // the line reader must be the terminal's only reader
            String line;
            try {
                line = reader.readLine(sh.prompt(), null, (MaskingCallback) null, takeTypeAhead()); // "> " while a command goes on
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
        stopReading();
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

    @Override
    public Pacer pacer() {
        return pacer;
    }

    /**
     * Raw mode for the job, as a terminal program sets it (cfmakeraw, less its output
     * processing): no echo, no line editing, no signal keys, no CR to NL, one key at a time.
     */
    @Override
    public void foregroundStarted() {
        promptAttributes = terminal.getAttributes();
        Attributes raw = new Attributes(promptAttributes);
        raw.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ISIG, LocalFlag.IEXTEN), false);
        raw.setInputFlags(EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.INLCR, InputFlag.IGNCR), false);
        raw.setControlChar(ControlChar.VMIN, 1);
        raw.setControlChar(ControlChar.VTIME, 0);
        terminal.setAttributes(raw);
        startReading();
    }

    @Override
    public void foregroundEnded() {
        stopReading();
        if (promptAttributes != null) terminal.setAttributes(promptAttributes);
        promptAttributes = null;
    }

    /**
     * What the prompt's line starts with: the keys typed during the last jobs that nobody
     * read, those the console holds and then those never given to it, up to the first
     * newline and without control characters (JLine takes it as the line to edit).
     */
    private String takeTypeAhead() {
        StringBuilder b = new StringBuilder(new String(sh.session().takeTypeAhead(), StandardCharsets.UTF_8));
        for (Integer c; (c = typed.peekFirst()) != null && c != END; typed.pollFirst()) b.append((char) c.intValue());
        int newline = b.indexOf("\n");
        String line = newline >= 0 ? b.substring(0, newline) : b.toString();
        return line.codePoints().filter(c -> c >= ' ' && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Override
    public String readLine() {
        stopReading(); // the line reader must be the terminal's only reader
        try {
            return reader.readLine("", null, (MaskingCallback) null, takeTypeAhead());
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public boolean keyPending() {
        if (pendingKey != 0) return true;
        Integer c = typed.peekFirst();
        return c != null && c != END;
    }

    @Override
    public int takeKey() {
        int k = pendingKey;
        pendingKey = 0;
        // The tty driver flushes its input queue when it turns a key into a signal: the keys
        // typed before Ctrl-C must not reach the program, nor the next prompt.
        if (k != 0) typed.removeIf(c -> c != END);
        return k;
    }

    /** The keys queued so far, as UTF-8; an end of the terminal's input stays queued. */
    @Override
    public byte[] takeTyped() {
        StringBuilder b = new StringBuilder();
        for (Integer c; (c = typed.peekFirst()) != null && c != END; typed.pollFirst()) b.append((char) c.intValue());
        return b.length() == 0 ? NOTHING : b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean awaitKeys() {
        startReading();
        try {
            while (!keyPending()) {
                Integer c = typed.pollFirst(READ_MILLIS, TimeUnit.MILLISECONDS);
                if (c == null) continue;
                typed.addFirst(c);
                if (c == END) return false;
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the thread that queues keys, unless it runs. */
    private void startReading() {
        if (keyReader != null) return;
        reading = true;
        NonBlockingReader in = terminal.reader();
        keyReader = new Thread(() -> {
            try {
                while (reading) {
                    int c = in.read(READ_MILLIS);
                    if (c == NonBlockingReader.READ_EXPIRED) continue;
                    typed.addLast(c < 0 ? END : c);
                    if (c < 0) return;
                }
            } catch (IOException e) {
                if (reading) typed.addLast(END); // the terminal failed: no more keys will come
            }
        }, "clonix-keys");
        keyReader.setDaemon(true);
        keyReader.start();
    }

    /** Stops the key thread and waits for it (at most one {@link #READ_MILLIS} read). */
    private void stopReading() {
        if (keyReader == null) return;
        reading = false;
        try {
            keyReader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keyReader = null;
    }
}
