package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import boot.Options;
import boot.Session;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import task.Signals;
import task.Task;

/**
 * Random command lines to the shell, as a student or a script gone wrong might type them:
 * built-ins and /bin programs with odd arguments, pipes, lists, background jobs, job
 * control, redirections to and from odd files, quotes left open, variables, the script
 * language's words (compound commands cut short, substitutions, arithmetic, patterns), and
 * lines of random bytes. Whatever the input, the shell answers with a one-line message or the
 * program's own behaviour: never a Java exception, never "sh: internal error", never a hang,
 * and when the session ends every process but init and the shell is gone with all it held.
 *
 * <p>A test frontend plays the person at the keyboard: when a foreground job has run for
 * 20 ms of virtual time it presses Ctrl-C, then Ctrl-\, then (no terminal can, but a person
 * would reach for kill -9) sends SIGKILL. The presses depend only on the virtual clock, so
 * a seed replays exactly. A wall-clock watchdog turns a real hang into a failure naming the
 * seed. -Dclonix.fuzz.seconds=N runs more seeds (see fuzz.FuzzBudget).
 */
class ShellFuzzTest {
    /** Seeds tried in every run; 1178 floods the console (cat < /dev/zero) in a few milliseconds. */
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1178};
    private static final long WATCHDOG_SECONDS = 120;

    private static final String[] COMMANDS = {
        "cd", "pwd", "jobs", "fg", "bg", "kill", "wait", "export", "unset", "history", "help", "true", "false",
        "cpus", "timeline", "trace", "strace", "exit", "echo", "cat", "ls", "ps", "wc", "head", "grep", "env",
        "nproc", "mkdir", "rm", "sleep", "kill", "taskset", "race", "philosophers", "prodcons", "clone_demo",
        "threads_vs_procs", "barrier_phases", "parallel_sum", "thread_pool", "readers_writers", "top", "yes",
        "/bin/ls", "./x", "/tmp", "nosuch", "cc",
        "[", "test", ":", "read", "eval", ".", "set", "shift", "local", "return", "break", "continue",
        "if", "for", "case", "while", "{", "(", "f()",
    };
    private static final String[] ARGUMENTS = {
        "-9", "-1", "-l", "-n", "1", "0", "2", "3", "%1", "%2", "%+", "%-", "%nosuch", "-KILL", "-STOP", "-CONT", "-INT",
        "-TERM", "-s", "KILL", "--", "-999", "99999", "-2", "/", ".", "..", "/tmp", "/tmp/f", "/proc", "/proc/self/status",
        "/proc/1/maps", "/dev/null", "/dev/zero", "/dev/console", "/bin/ls", "/mnt", "x", "-fL", "-e", "-c", "-bn1",
        "mutex", "atomic", "ordered", "$?", "$PATH", "\"$HOME\"", "'a b'", "\\", "*", "~", "-x", "a=b",
        "0x10", "-100", "100000000000000000000",
        "$(echo a b)", "`pwd`", "$((1+2))", "$((1/0))", "$((x++))", "${x:-d}", "${x:?gone}", "${PATH##*/}",
        "*.c", "/bin/e*", "'*'", "/proc/*/stat", "-e", "-x", "then", "do", "done", "fi", "esac", "in", ";;", "}",
        "<<EOF", "\"$@\"", "$#", "$1",
    };
    private static final String[] REDIRECTIONS = {" > /tmp/f", " >> /tmp/f", " < /tmp/f", " 2> /dev/null", " 2>&1",
        " > /proc/self/status", " < /dev/zero", " > /nonexistent/f", " < /proc/1/status", " > /dev/console"};
    private static final String[] OPERATORS = {" | ", "; ", " && ", " || ", " & "};

    @Test
    void randomCommandLinesNeverBreakTheShell() throws Exception {
        fuzz.FuzzBudget.forEachSeed(SEEDS, ShellFuzzTest::check);
    }

    @Test
    void theSameSeedPrintsTheSameBytes() throws Exception {
        assertEquals(run(script(7)), run(script(7)));
    }

    /** Twenty random lines for {@code seed}. */
    static List<String> script(long seed) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) lines.add(r.nextInt(8) == 0 ? randomBytes(r) : commandLine(r));
        return lines;
    }

    private static String commandLine(Random r) {
        StringBuilder b = new StringBuilder();
        int commands = 1 + r.nextInt(3);
        for (int c = 0; c < commands; c++) {
            String cmd = COMMANDS[r.nextInt(COMMANDS.length)];
            b.append(cmd);
            // A lone yes never ends by itself; give it a reader that stops.
            if (cmd.equals("yes")) b.append(" | head -3");
            int args = r.nextInt(4);
            for (int a = 0; a < args; a++) b.append(' ').append(ARGUMENTS[r.nextInt(ARGUMENTS.length)]);
            if (r.nextInt(4) == 0) b.append(REDIRECTIONS[r.nextInt(REDIRECTIONS.length)]);
            if (c + 1 < commands) b.append(OPERATORS[r.nextInt(OPERATORS.length)]);
        }
        if (r.nextInt(4) == 0) b.append(" &");
        if (r.nextInt(30) == 0) b.append(r.nextBoolean() ? " 'open" : " \"open");
        return b.toString();
    }

    /** Characters that mean something to a shell. */
    private static final String SPECIAL = "|&;<>()$`'\"\\*?[]{}!#~=%";

    private static String randomBytes(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(5) == 0 ? 5000 : 1 + r.nextInt(60);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            b.append((char) (k < 6 ? 32 + r.nextInt(95) : k < 8 ? SPECIAL.charAt(r.nextInt(SPECIAL.length()))
                    : k == 8 ? r.nextInt(32) : 0x80 + r.nextInt(0x700)));
        }
        return b.toString().replace("\n", " ").replace("\r", " ");
    }

    private static void check(long seed) {
        List<String> lines = script(seed);
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            Future<String> f = ex.submit(() -> run(lines));
            String out = f.get(WATCHDOG_SECONDS, TimeUnit.SECONDS);
            assertFalse(out.contains("internal error"), "seed " + seed + ":\n" + out);
            assertFalse(out.contains("Exception"), "seed " + seed + ":\n" + out);
        } catch (TimeoutException e) {
            throw new AssertionError("seed " + seed + " hung; the script:\n" + String.join("\n", lines));
        } catch (Exception e) {
            throw new AssertionError("seed " + seed + ": " + e + "; the script:\n" + String.join("\n", lines), e);
        } finally {
            ex.shutdownNow();
        }
    }

    /** Runs {@code lines} in a batch-mode session with the keyboard of {@link Keyboard}; checks that nothing is left. */
    static String run(List<String> lines) {
        Transcript bytes = new Transcript();
        PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
        Session session = ShellMain.boot(Options.defaults().withMaxTasks(200), out);
        session.console().closeInput();
        Keyboard keyboard = new Keyboard(session, bytes);
        Shell sh = new Shell(session, keyboard, out);
        for (String line : lines) {
            if (sh.exitRequested()) break;
            out.println(Shell.PROMPT + line);
            keyboard.newCommand();
            sh.runLine(line);
            sh.reportFinishedJobs();
        }
        sh.shutdown();
        out.flush();
        checkOnlyInitAndShellLeft(session);
        return bytes.kept.toString(StandardCharsets.UTF_8);
    }

    /**
     * The console's bytes: all counted, the first {@link #LIMIT} kept. A program can write
     * gigabytes in a few milliseconds of virtual time (cat < /dev/zero), and the test must
     * not run out of heap holding them.
     */
    private static final class Transcript extends OutputStream {
        static final int LIMIT = 16 << 20;
        final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long written;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written += len;
            int n = (int) Math.min(len, LIMIT - kept.size());
            if (n > 0) kept.write(b, off, n);
        }
    }

    /**
     * Only init and the shell are left. (The kernel itself refuses to release a task that still
     * holds its mm, files, fs or sighand: task.Tasks.)
     */
    private static void checkOnlyInitAndShellLeft(Session session) {
        assertEquals(List.of(), session.kernel().oopses(), "the kernel met no bug");
        for (Task t : session.kernel().tasks().pids().all()) {
            if (t.tgid() == 1 || t == session.shell()) continue;
            throw new AssertionError("left behind: " + t + " " + t.state());
        }
    }

    /**
     * The person at the keyboard: presses nothing for 20 ms of virtual time after a command
     * starts, or until a megabyte floods the screen, then Ctrl-C, Ctrl-\ and finally SIGKILL,
     * as long again apart, for as long as the shell keeps waiting on a foreground job.
     */
    private static final class Keyboard implements Frontend {
        private static final long PATIENCE = 20_000_000; // ns of virtual time
        private static final long FLOOD = 1 << 20; // bytes of output
        private static final int[] KEYS = {Signals.SIGINT, Signals.SIGQUIT, Signals.SIGKILL};
        private final Session session;
        private final Transcript screen;
        private long next, nextFlood;
        private int presses;

        Keyboard(Session session, Transcript screen) {
            this.session = session;
            this.screen = screen;
        }

        void newCommand() {
            next = session.kernel().scheduler().now() + PATIENCE;
            nextFlood = screen.written + FLOOD;
            presses = 0;
        }

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean keyPending() {
            return session.kernel().scheduler().now() >= next || screen.written >= nextFlood;
        }

        @Override
        public int takeKey() {
            if (!keyPending()) return 0;
            next = session.kernel().scheduler().now() + PATIENCE;
            nextFlood = screen.written + FLOOD;
            return KEYS[Math.min(presses++, KEYS.length - 1)];
        }
    }
}
