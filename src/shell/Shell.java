package shell;

import boot.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import task.Signals;

/**
 * One shell: its variables, jobs and history, the kernel session it drives, and the loop
 * step that runs a line. The reading of lines (JLine or a script) is elsewhere, in
 * {@link ShellMain}; this class decides what a line means and reports jobs before the next
 * prompt, as bash does.
 *
 * <p>Everything the shell prints goes to {@link #out}, the same stream as the console the
 * programs write to, so that messages and program output appear in the order they happened.
 */
public final class Shell {
    /** The prompt: fixed and simple, so that scripts reading a transcript can rely on it. */
    public static final String PROMPT = "$ ";
    /** The prompt for a line that continues a command (bash's PS2). */
    public static final String CONTINUATION_PROMPT = "> ";

    final Session session;
    final Variables vars = new Variables();
    final Jobs jobs = new Jobs();
    final List<String> history = new ArrayList<>();
    final Frontend frontend;
    final PrintStream out;
    final Builtins builtins;
    final Executor executor;
    final Interpreter interpreter;
    final Expansion expansion;
    /** The functions defined, by name. */
    final Map<String, Ast.Node> functions = new TreeMap<>();
    /**
     * set -e: a failing command ends the shell; set -f: no pathname expansion; set -x: each
     * command is printed before it runs.
     */
    boolean errexit;
    boolean noglob;
    boolean xtrace;
    /** The script's name for error messages (null: standard input or a terminal). */
    private String scriptName;
    /** The lines read that do not make a complete command yet, and the number of the first. */
    private final StringBuilder pending = new StringBuilder();
    private int pendingFirstLine;
    /** The lines read so far. */
    private int lineNumber;
    private boolean exitRequested;
    /**
     * True while a built-in runs as one stage of a longer pipeline. bash runs such a stage in
     * a subshell, so {@code cd /tmp | cat} or {@code exit | cat} leave the shell as it was;
     * the built-ins that change the shell check this flag.
     */
    boolean inPipeline;
    private int exitStatus;

    /** A shell driving {@code session}, printing to {@code out} (the console's stream). */
    public Shell(Session session, Frontend frontend, PrintStream out) {
        this.session = session;
        this.frontend = frontend;
        this.out = out;
        this.builtins = new Builtins();
        this.executor = new Executor(this);
        this.interpreter = new Interpreter(this);
        this.expansion = new Expansion(this);
        vars.setShellPid(session.shell().tgid());
        // Tracing is on from the start, so that 'timeline' can show the recent past at any
        // time; the buffer keeps the newest events. Nothing guest-visible depends on it.
        session.kernel().scheduler().tracer().enable(trace.Tracer.DEFAULT_CAPACITY);
        for (String[] v : new String[][] {{"PATH", "/bin"}, {"HOME", "/"}, {"PWD", "/"}, {"SHELL", "/sbin/sh"}}) {
            vars.set(v[0], v[1]);
            vars.export(v[0]);
        }
        vars.set("IFS", " \t\n"); // as bash sets it: field splitting on space, tab and newline
    }

    /** Names the script being run, for the messages of syntax errors ("sh: FILE: line 7: ..."). */
    public void setScriptName(String name) {
        scriptName = name;
    }

    /** The prompt for the next line: {@link #PROMPT}, or {@link #CONTINUATION_PROMPT} inside a command. */
    public String prompt() {
        return pending.length() == 0 ? PROMPT : CONTINUATION_PROMPT;
    }

    /**
     * Takes one line of input (without its newline). Once the lines read make complete
     * commands, they are parsed and run; a syntax error prints one line and sets $? to 2, as
     * bash does. Returns true if the command goes on, on the next line (an open quote,
     * {@code if} without {@code fi}, a here-document, a line ending in {@code |}).
     */
    public boolean feed(String line) {
        lineNumber++;
        if (!line.isBlank()) history.add(line);
        if (pending.length() == 0) pendingFirstLine = lineNumber;
        pending.append(line).append('\n');
        List<Ast.AndOr> lists;
        try {
            lists = Parser.parse(pending.toString());
        } catch (SyntaxError.Incomplete e) {
            return true;
        } catch (SyntaxError e) {
            syntaxError(e);
            return false;
        } catch (StackOverflowError e) {
            syntaxError(new SyntaxError("syntax error: text nested too deep", 1)); // a last resort: the limits come first
            return false;
        }
        pending.setLength(0);
        run(lists);
        return false;
    }

    /** Drops the lines of an unfinished command (Ctrl-C at the "> " prompt). */
    public void discardPending() {
        pending.setLength(0);
    }

    /** The input has ended: a command left open is bash's "syntax error: unexpected end of file". */
    public void endOfInput() {
        if (pending.length() == 0) return;
        syntaxError(new SyntaxError.Incomplete(lineNumber - pendingFirstLine + 2));
    }

    /** Runs {@code text} as a whole (a line, or several): text that stops inside a command is a syntax error. */
    public void runLine(String text) {
        if (!text.isBlank()) history.add(text);
        pendingFirstLine = lineNumber + 1;
        lineNumber += (int) text.lines().count();
        try {
            run(Parser.parse(text));
        } catch (SyntaxError e) {
            syntaxError(e);
        } catch (StackOverflowError e) {
            syntaxError(new SyntaxError("syntax error: text nested too deep", 1)); // a last resort: the limits come first
        }
    }

    /** Prints a syntax error with the script's name and line, as bash does in a script; $? becomes 2. */
    private void syntaxError(SyntaxError e) {
        pending.setLength(0);
        String where = frontend.interactive() ? "" : (scriptName != null ? scriptName + ": " : "")
                + "line " + (pendingFirstLine + e.line - 1) + ": ";
        error(where + e.getMessage());
        vars.setStatus(2);
    }

    private void run(List<Ast.AndOr> lists) {
        try {
            interpreter.runList(lists);
        } catch (Expansion.Failure e) {
            // The rest of the command line is abandoned, as bash does; ${X?} also ends a script.
            error(e.getMessage());
            vars.setStatus(1);
            if (e.fatal && !frontend.interactive()) requestExit(1);
        } catch (Control e) {
            // Ctrl-C in a loop, or break, continue or return where nothing catches them.
            if (e.kind == Control.Kind.INTERRUPT) vars.setStatus(130);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in the shell or the kernel, never the user's doing: say so in one line and
            // keep the session, rather than lose every job with a stack trace. (The limits on
            // nesting keep the stack from overflowing; should one be missing, the session stays.)
            error("internal error: " + e);
            vars.setStatus(70);
        }
        out.flush();
    }

    /**
     * Reaps background jobs that have finished and prints bash's notice for each
     * ({@code [1]+  Done   sleep 1}), or the one for a job that has stopped; called before
     * every prompt and after each command in a script. Children of sh that belong to no job
     * (a program's clone(CLONE_PARENT) makes its sibling sh's child) are reaped silently,
     * as bash's waitpid(-1) reaps them, so that they do not stay zombies.
     */
    public void reportFinishedJobs() {
        for (int pid : session.children()) if (jobs.byPid(pid) == null) session.reap(pid);
        for (Job job : jobs.all()) {
            if (finished(job)) {
                out.println(jobLine(job, Messages.jobState(job.waitStatus())));
                jobs.remove(job);
            } else if (!job.isStopped() && job.running().stream().allMatch(session::isStopped)
                    && session.groupStopped(job.pgid())) {
                for (int pid : job.running()) job.stoppedBy(session.takeStopReport(pid));
                out.println(jobLine(job, job.stoppedState()));
            }
        }
        out.flush();
    }

    /**
     * Reaps whatever processes of {@code job} have exited, and says whether the job is
     * finished: every process the shell started has been reaped and no process of its
     * group is left alive. A job's group outlives its first process when that process's
     * children stay (a fork bomb whose parent was killed), and the job is not over until
     * they are gone: until then {@code jobs} shows it running and {@code kill %N} reaches them.
     */
    boolean finished(Job job) {
        for (int pid : job.running()) {
            Session.Exited e = session.reap(pid);
            if (e != null) job.exited(pid, e.waitStatus());
        }
        return job.isDone() && !session.groupAlive(job.pgid());
    }

    /** A line of the job table: {@code [N]+  STATE  COMMAND}, padded as bash pads it. */
    String jobLine(Job job, String state) {
        return String.format("[%d]%c  %-24s%s", job.number(), jobs.mark(job), state, job.text());
    }

    /**
     * Leaves the shell: running jobs are killed (with a warning) and reaped. Returns the exit
     * status the shell ends with.
     */
    public int shutdown() {
        reportFinishedJobs();
        if (!jobs.all().isEmpty()) {
            int n = jobs.all().size();
            out.println("sh: killing " + n + " running job" + (n == 1 ? "" : "s"));
        }
        session.killAll();
        for (Job job : jobs.all()) jobs.remove(job); // killAll reaped them
        out.flush();
        return exitRequested ? exitStatus : vars.status();
    }

    /** Prints {@code sh: message} on the console. */
    void error(String message) {
        out.println("sh: " + message);
    }

    /** Asks the loop to stop after this line, with {@code status}. */
    void requestExit(int status) {
        if (inPipeline) return;
        exitRequested = true;
        exitStatus = status;
    }

    /** The status exit asked for, clearing the request (a subshell's exit ends only it); null if none. */
    Integer takeExitRequest() {
        if (!exitRequested) return null;
        exitRequested = false;
        return exitStatus;
    }

    /** The options set, as the letters of $- ("efx" for all three). */
    String options() {
        return (errexit ? "e" : "") + (noglob ? "f" : "") + (xtrace ? "x" : "");
    }

    /** Sets the options whose letters {@code letters} has (see {@link #options}), clears the others. */
    void setOptions(String letters) {
        errexit = letters.indexOf('e') >= 0;
        noglob = letters.indexOf('f') >= 0;
        xtrace = letters.indexOf('x') >= 0;
        vars.setOptions(options());
    }

    /** True once {@code exit} ran. */
    public boolean exitRequested() {
        return exitRequested;
    }

    /** $?: the status of the last command. */
    public int lastStatus() {
        return vars.status();
    }

    /** The session underneath. */
    public Session session() {
        return session;
    }

    /** The built-in names, sorted (for completion). */
    public List<String> builtinNames() {
        return builtins.names();
    }

    /** The pids of the jobs (for completion). */
    public List<Integer> jobPids() {
        List<Integer> pids = new ArrayList<>();
        for (Job j : jobs.all()) pids.addAll(j.running());
        return pids;
    }

    /** The status bash gives a signal number: 128 + sig. */
    static int signalStatus(int sig) {
        return Signals.shellStatus(Signals.killedStatus(sig));
    }
}
