package shell;

import boot.GuestFiles;
import boot.Session;
import fs.FsException;
import fs.OpenFile;
import fs.OpenFlags;
import fs.Pipe;
import fs.RegularFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import sched.Scheduler;
import sched.Scheduler.Pause;
import shell.Token.Kind;
import task.Signals;

/**
 * Runs pipelines and simple commands: pipelines as jobs, redirections, functions, built-ins,
 * and the wait for a foreground job. Lists and compound commands are the {@link Interpreter}'s.
 *
 * <p><b>Descriptors.</b> A command gets the shell's descriptors, then those of what it runs
 * inside (the redirections of a compound command, a pipe when a compound command is a
 * stage of a pipeline, the capture of a command substitution: the {@link #context}), then
 * its own redirections, in order.
 *
 * <p><b>A pipeline.</b> Each stage gets its descriptors before it exists: a pipe between
 * neighbours, then its redirections in order (so {@code >out 2>&1} sends both to out).
 * Programs are started with {@link Session#spawn} as children of sh in one process group,
 * led by the first. A built-in in a pipeline of several stages runs at once, in the shell,
 * and its output goes into the pipe (up to the pipe's 64 KiB); alone, it runs in the shell
 * with its redirections, so {@code cd} and {@code exit} act on the shell itself. A function,
 * or a compound command, in a pipeline of several stages runs the same way, as a subshell
 * ({@link Interpreter#subshell}): the stages run one after the other, so what a stage
 * writes before the next starts must fit in the pipe.
 *
 * <p><b>Waiting.</b> The machine runs until every process of the job has exited and its
 * process group is empty (children the job left in its group keep it going). Between two
 * rounds the shell gives the keys typed to the console, whose line discipline may make
 * signals of some (interactive: docs/shell.md, "The console"). If the machine idles until a
 * timer, an interactive shell waits for the wall clock first ({@link Pacer}). If it goes
 * idle for good, either a program waits on the console (interactive: the shell waits for a
 * key) or nothing can ever run again: the shell prints the deadlock report and kills the
 * job with SIGKILL, and the session goes on. The third Ctrl-C during one wait kills the job
 * with SIGKILL ({@link #FORCE_KILL_INTERRUPTS}).
 *
 * <p><b>The terminal.</b> A foreground job is given the console (its group becomes the
 * foreground group) for as long as it runs; the shell takes it back when the job stops or
 * ends, and puts the terminal's modes back as they were before. So a background job that
 * reads the console is stopped by SIGTTIN, as under bash.
 */
final class Executor {
    /**
     * The Ctrl-C that kills the foreground job with SIGKILL, whatever it does with SIGINT: a
     * program that ignores SIGINT and SIGTSTP, or moved out of its process group, could
     * otherwise keep the terminal for ever, and the session has no second terminal to kill
     * it from.
     */
    static final int FORCE_KILL_INTERRUPTS = 3;

    private final Shell sh;
    /**
     * The descriptors every command started now gets before its own redirections (see the
     * class comment); empty at the top. The references belong to {@link #withDescriptors}.
     */
    private Map<Integer, OpenFile> context = Map.of();
    /** The status of the last command substitution of the command being expanded, or -1. */
    private int substitutionStatus = -1;
    /** Set when a foreground job died of Ctrl-C's SIGINT, so that a loop running it stops. */
    private boolean interrupted;

    Executor(Shell sh) {
        this.sh = sh;
    }

    /** A command with its words expanded. */
    private record Expanded(List<String> words, Map<String, String> assignments, List<Ast.Redirect> redirects) {}

    /** A new map holding a reference to each descriptor of the context. */
    Map<Integer, OpenFile> inherited() {
        Map<Integer, OpenFile> fds = new LinkedHashMap<>();
        for (Map.Entry<Integer, OpenFile> e : context.entrySet()) fds.put(e.getKey(), e.getValue().get());
        return fds;
    }

    /** Runs {@code body} with {@code fds} as the context, then closes them. */
    int withDescriptors(Map<Integer, OpenFile> fds, IntSupplier body) {
        Map<Integer, OpenFile> saved = context;
        context = fds;
        try {
            return body.getAsInt();
        } finally {
            context = saved;
            closeAll(fds);
        }
    }

    /** Records the status of a command substitution: a command of only assignments takes it. */
    void noteSubstitution(int status) {
        substitutionStatus = status;
    }

    /** True (once) if Ctrl-C ended a foreground job since the last call. */
    boolean takeInterrupt() {
        boolean i = interrupted;
        interrupted = false;
        return i;
    }

    /** Runs one program with {@code words} as its argv, in the foreground (strace's helper); returns its status. */
    int runCommand(List<String> words, String text) {
        return startJob(List.<Object>of(new Expanded(words, Map.of(), List.of())), text, false);
    }

    /**
     * Runs a pipeline, in the foreground or as a background job; returns its status (0 for
     * a background job). A lone built-in, function or compound command runs in the shell.
     */
    int runPipeline(Ast.Pipeline p, boolean background) {
        if (p.commands().size() == 1 && !(p.commands().get(0) instanceof Ast.Command)) {
            if (background) return refuseBackground();
            return sh.interpreter.run(p.commands().get(0));
        }
        List<Object> stages = new ArrayList<>();
        substitutionStatus = -1;
        for (Ast.Node n : p.commands()) stages.add(n instanceof Ast.Command c ? expand(c) : n);
        if (stages.size() == 1 && stages.get(0) instanceof Expanded first) {
            if (first.words().isEmpty()) return assignOnly(first);
            String name = first.words().get(0);
            if (!background && (sh.functions.containsKey(name) || sh.builtins.find(name) != null)) {
                Map<Integer, OpenFile> fds = inherited();
                if (!redirect(first.redirects(), fds)) return 1;
                Ast.Node function = sh.functions.get(name);
                return withAssignments(first.assignments(), () -> function != null
                        ? withDescriptors(fds, () -> sh.interpreter.call(function, first.words()))
                        : runBuiltin(first, fds));
            }
        }
        if (background && stages.stream().anyMatch(this::runsInShell)) return refuseBackground();
        return startJob(stages, p.text(), background);
    }

    /** True for a stage the shell runs itself as a subshell: a compound command or a function. */
    private boolean runsInShell(Object stage) {
        return !(stage instanceof Expanded c) || !c.words().isEmpty() && sh.functions.containsKey(c.words().get(0));
    }

    /**
     * Runs {@code body} with the variables of {@code NAME=value cmd} set, and puts back what
     * they were after, as bash does for a built-in or function ({@code IFS=: read a b}).
     */
    private int withAssignments(Map<String, String> assigns, IntSupplier body) {
        if (assigns.isEmpty()) return body.getAsInt();
        Map<String, String> saved = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : assigns.entrySet()) {
            saved.put(a.getKey(), sh.vars.isSet(a.getKey()) ? sh.vars.get(a.getKey()) : null);
            sh.vars.set(a.getKey(), a.getValue());
        }
        try {
            return body.getAsInt();
        } finally {
            for (Map.Entry<String, String> a : saved.entrySet()) {
                if (a.getValue() == null) sh.vars.unsetValue(a.getKey());
                else sh.vars.set(a.getKey(), a.getValue());
            }
        }
    }

    /**
     * The shell cannot fork itself, so what runs in it as a subshell cannot run beside it. (A
     * built-in with '&' just runs at once, as a stage of a pipeline does.)
     */
    private int refuseBackground() {
        sh.error("functions and compound commands cannot run in the background here; run them in the foreground");
        return 2;
    }

    private Expanded expand(Ast.Command c) {
        List<String> words = sh.expansion.fields(c.words());
        Map<String, String> assigns = new LinkedHashMap<>();
        for (Word w : c.assignments()) {
            String value = sh.expansion.string(w);
            assigns.put(w.assignmentName(), value.substring(value.indexOf('=') + 1));
        }
        if (sh.xtrace) trace(assigns, words);
        return new Expanded(words, assigns, c.redirects());
    }

    /** set -x: the command as it will run, after "+ ", each word quoted if it has to be. */
    private void trace(Map<String, String> assigns, List<String> words) {
        StringBuilder b = new StringBuilder("+");
        for (Map.Entry<String, String> a : assigns.entrySet()) b.append(' ').append(a.getKey()).append('=').append(quote(a.getValue()));
        for (String w : words) b.append(' ').append(quote(w));
        if (assigns.isEmpty() && words.isEmpty()) return;
        trace(b.substring(2));
    }

    /** set -x: prints "+ TEXT" where the shell's standard error goes. */
    void trace(String text) {
        String line = "+ " + text + "\n";
        OpenFile err = context.get(2);
        if (err != null) GuestFiles.write(err, line.getBytes(StandardCharsets.UTF_8));
        else sh.out.print(line);
    }

    /** {@code w} as the shell would read it back: as it is if it is plain, else in single quotes. */
    static String quote(String w) {
        if (!w.isEmpty() && w.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+%@^".indexOf(c) >= 0)) return w;
        return "'" + w.replace("'", "'\\''") + "'";
    }

    /**
     * {@code NAME=value} alone sets shell variables; redirections are still performed (and
     * closed). The status is that of the last command substitution, or 0.
     */
    private int assignOnly(Expanded c) {
        int status = Math.max(substitutionStatus, 0);
        Map<Integer, OpenFile> fds = inherited();
        boolean ok = redirect(c.redirects(), fds);
        closeAll(fds);
        if (!ok) return 1;
        for (Map.Entry<String, String> a : c.assignments().entrySet()) sh.vars.set(a.getKey(), a.getValue());
        return status;
    }

    /**
     * Starts the stages of a pipeline (each an {@link Expanded} simple command or a compound
     * {@link Ast.Node}); waits for it unless {@code background}. Returns the status.
     */
    private int startJob(List<Object> stages, String text, boolean background) {
        List<Integer> pids = new ArrayList<>();
        int pgid = 0;
        Integer lastStageStatus = null;
        OpenFile pipeIn = null;
        for (int i = 0; i < stages.size(); i++) {
            boolean last = i == stages.size() - 1;
            Map<Integer, OpenFile> fds = inherited();
            if (pipeIn != null) replace(fds, 0, pipeIn);
            pipeIn = null;
            if (!last) {
                Pipe pipe = new Pipe(sh.session.kernel().vfs());
                pipeIn = new OpenFile(pipe, OpenFlags.O_RDONLY);
                replace(fds, 1, new OpenFile(pipe, OpenFlags.O_WRONLY));
            }
            int status = -1;
            if (!(stages.get(i) instanceof Expanded c)) {
                Ast.Node node = (Ast.Node) stages.get(i);
                status = withDescriptors(fds, () -> sh.interpreter.subshell(() -> sh.interpreter.run(node)));
            } else if (!redirect(c.redirects(), fds)) {
                status = 1;
            } else if (c.words().isEmpty()) {
                status = 0; // a stage of only assignments and redirections does nothing more
            } else if (sh.functions.containsKey(c.words().get(0))) {
                Ast.Node function = sh.functions.get(c.words().get(0));
                status = withDescriptors(fds, () -> sh.interpreter.subshell(() -> sh.interpreter.call(function, c.words())));
            } else if (sh.builtins.find(c.words().get(0)) != null) {
                sh.inPipeline = stages.size() > 1 || background; // bash would run it in a subshell
                try {
                    status = runBuiltin(c, fds);
                } finally {
                    sh.inPipeline = false;
                }
                fds.clear();
            } else {
                String name = c.words().get(0);
                String path = resolve(name, fds.get(2));
                if (path == null) {
                    status = notFound ? 127 : 126;
                } else {
                    long pid = sh.session.spawn(path, c.words(), sh.vars.environment(c.assignments()), pgid, fds);
                    fds.clear(); // spawn took them over
                    if (pid < 0) {
                        sh.error(name + ": " + Messages.error((int) -pid));
                        status = pid == -syscall.Errno.ENOENT ? 127 : 126;
                    } else {
                        pids.add((int) pid);
                        if (pgid == 0) pgid = (int) pid;
                    }
                }
            }
            closeAll(fds);
            if (last) lastStageStatus = status >= 0 ? status : null;
        }
        if (pipeIn != null) pipeIn.put();
        if (pids.isEmpty()) return lastStageStatus == null ? 0 : lastStageStatus;
        Job job = new Job(sh.jobs.nextNumber(), pgid, pids, text, lastStageStatus);
        if (background) {
            sh.jobs.add(job);
            int lastPid = pids.get(pids.size() - 1);
            sh.vars.setLastBackgroundPid(lastPid);
            sh.out.println("[" + job.number() + "] " + lastPid);
            return 0;
        }
        return waitForeground(job);
    }

    /**
     * Runs the machine until {@code job} has ended, feeding console input and passing on
     * job-control keys (see the class comment). Reaps the job and returns its status.
     */
    int waitForeground(Job job) {
        // The job gets the terminal while it runs (tcsetpgrp), and the shell takes it back
        // when the job stops or ends, as bash does: only the foreground group may read the
        // console, and Ctrl-C and Ctrl-Z reach it. Like bash, the shell saves the terminal's
        // modes first and puts them back however the job ended: a program killed while it
        // had the console in raw or non-blocking mode (top after Ctrl-C) cannot leave it so.
        Session.TerminalModes modes = sh.session.terminalModes();
        sh.session.setForegroundGroup(job.pgid());
        sh.frontend.foregroundStarted();
        boolean interrupted;
        try {
            interrupted = awaitJob(job);
        } finally {
            sh.session.restoreTerminalModes(modes);
            sh.frontend.foregroundEnded();
            sh.session.setForegroundGroup(sh.session.shellGroup());
        }
        if (job.isStopped()) {
            // Ctrl-Z: the job waits in the table for fg or bg, as in bash. Its number is
            // free: no job can have been started while it ran in the foreground.
            sh.jobs.add(job);
            sh.out.println();
            sh.out.println(sh.jobLine(job, job.stoppedState()));
            return 128 + job.stopSignal();
        }
        reportSignal(job.waitStatus(), interrupted);
        if (interrupted && (job.waitStatus() & 0x7f) == Signals.SIGINT) this.interrupted = true;
        return job.status();
    }

    /**
     * Runs the machine until {@code job} is finished (every process reaped, its group
     * empty), or it has stopped (then it is marked so); see the class comment for console
     * input, keys and deadlocks. Returns true if Ctrl-C was pressed.
     */
    boolean awaitJob(Job job) {
        sh.out.flush();
        Session s = sh.session;
        Scheduler sched = s.kernel().scheduler();
        Pacer pacer = sh.frontend.pacer();
        boolean interrupted = false;
        int interrupts = 0;
        boolean killedForDeadlock = false;
        // --time-limit: a foreground wait longer than this is ended as a deadlock is.
        long limit = s.kernel().options().cycleLimit();
        long deadline = limit > 0 ? sched.now() + limit : Long.MAX_VALUE;
        boolean killedForTime = false;
        job.setStopped(false);
        while (true) {
            boolean late = killedForTime; // once killed, wait for the job to go without asking again
            Pause pause = s.runUntil(() -> allExitedOrStopped(job) || sh.frontend.keyPending()
                    || pacer != null && pacer.mustWait(sched), late ? Long.MAX_VALUE : deadline);
            if (sh.finished(job)) break;
            if (allExitedOrStopped(job)) {
                for (int pid : job.running()) job.stoppedBy(s.takeStopReport(pid));
                break;
            }
            if (!killedForTime && sched.now() >= deadline) {
                sh.out.println("sh: time limit of " + Scheduler.seconds(limit) + " s reached; killing job: " + job.text());
                killJob(job);
                killedForTime = true;
                continue;
            }
            // Keys: those the frontend made signals of, then those typed, which the console's
            // line discipline turns into input, or into signals as its termios say.
            List<Integer> signals = new ArrayList<>();
            int key = sh.frontend.takeKey();
            if (key != 0) signals.add(key);
            byte[] typed = sh.frontend.takeTyped();
            if (typed.length > 0) for (int sig : s.typeOnConsole(typed)) signals.add(sig);
            if (key != 0 || typed.length > 0) {
                for (int sig : signals) {
                    interrupted |= sig == Signals.SIGINT;
                    if (sig == Signals.SIGINT && ++interrupts == FORCE_KILL_INTERRUPTS) {
                        sh.out.println();
                        sh.out.println("sh: Ctrl-C pressed " + interrupts + " times; killing job: " + job.text());
                        killJob(job);
                    } else {
                        signalForegroundGroup(job, sig);
                    }
                }
                continue;
            }
            if (pause == Pause.CONDITION) {
                // The machine idles until a timer: let the wall clock catch up first.
                if (pacer != null && pacer.mustWait(sched)) pacer.waitUntilDue(sh.frontend::keyPending);
            } else if (pause == Pause.IDLE && s.console().starved() && sh.frontend.interactive()) {
                // A program waits for the terminal and nothing else can run: wait for keys,
                // which the next turn of the loop gives to the console.
                if (!sh.frontend.awaitKeys()) s.hangUpConsole();
            } else if (pause == Pause.IDLE && !killedForDeadlock) {
                sh.out.print("sh: deadlock: no task can run again\n" + s.describeTasks());
                sh.out.println("sh: killing job: " + job.text());
                killJob(job);
                killedForDeadlock = true;
            } else if (pause == Pause.IDLE) {
                // SIGKILL always ends a process; should it ever not, do not loop for ever.
                sh.error("the job did not die of SIGKILL; giving up on it");
                return interrupted;
            } else if (pause == Pause.STOPPED) {
                sh.error("the machine stopped: " + s.kernel().scheduler().stopReason());
                return interrupted;
            }
        }
        return interrupted;
    }

    /**
     * SIGKILL to the job's process group and to each of its processes: one may have left
     * the group (setpgid into another group of the session) and must not outlive the job.
     */
    private void killJob(Job job) {
        sh.session.signalGroup(job.pgid(), Signals.SIGKILL);
        for (int pid : job.running()) sh.session.signalProcess(pid, Signals.SIGKILL);
    }

    /**
     * Sends a job-control key's signal to the console's foreground process group, as the tty
     * driver does for Ctrl-C and Ctrl-Z. The one place that decides how that is done. During
     * {@code wait} the shell itself holds the terminal, and its task must not take the
     * signal, so the key goes to the job being waited for.
     */
    private void signalForegroundGroup(Job job, int sig) {
        int foreground = sh.session.foregroundGroup();
        sh.session.signalGroup(foreground != sh.session.shellGroup() ? foreground : job.pgid(), sig);
    }

    /**
     * True when each process of the job has exited or is stopped, and so has every other
     * process of its group (looked at last, as it costs a walk of the process table).
     */
    private boolean allExitedOrStopped(Job job) {
        for (int pid : job.running()) if (!sh.session.hasExited(pid) && !sh.session.isStopped(pid)) return false;
        return sh.session.groupStopped(job.pgid());
    }

    /** What bash prints when a foreground job dies of a signal: its description, or a newline for Ctrl-C. */
    private void reportSignal(int waitStatus, boolean interrupted) {
        int sig = waitStatus & 0x7f;
        if (sig == 0 || sig == Signals.SIGPIPE) return;
        if (sig == Signals.SIGINT) {
            if (interrupted) sh.out.println();
            return;
        }
        sh.out.println(Messages.jobState(waitStatus));
    }

    /**
     * A program's path: NAME with a slash as it is, else the first executable $PATH/NAME; null
     * after a message (to {@code err}, the command's standard error, if it was redirected),
     * with {@link #notFound} telling bash's 127 (nothing there) from its 126 (there, but a
     * directory or not executable).
     */
    private String resolve(String name, OpenFile err) {
        String path = resolve(name);
        if (path == null && err != null) {
            GuestFiles.write(err, ("sh: " + resolveError + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (path == null) {
            sh.error(resolveError);
        }
        return path;
    }

    /** The message of {@link #resolve}'s last failure. */
    private String resolveError;

    /** The message of the last failure of {@link #resolve(String)}. */
    String resolveError() {
        return resolveError;
    }

    /**
     * The path the shell runs for the command {@code name} (see {@link #resolve(String, OpenFile)}),
     * or null, {@link #resolveError} then saying why; explore and replay find their programs so.
     */
    String resolve(String name) {
        var fs = sh.session.shell().fs();
        notFound = true;
        if (name.contains("/")) {
            int err = GuestFiles.execError(fs, name);
            if (err == 0) return name;
            resolveError = name + ": " + Messages.error(err);
            notFound = err == syscall.Errno.ENOENT;
            return null;
        }
        for (String dir : sh.vars.get("PATH").split(":")) {
            if (dir.isEmpty()) continue;
            String candidate = dir + "/" + name;
            if (GuestFiles.isExecutable(fs, candidate)) return candidate;
        }
        resolveError = name + ": command not found";
        return null;
    }

    /** Set by {@link #resolve}: whether its last failure found nothing at the path. */
    private boolean notFound;

    /**
     * Opens the redirections into {@code fds} (descriptor to description, taking over
     * replaced ones). On failure prints {@code sh: FILE: reason}, closes what it opened and
     * returns false.
     */
    boolean redirect(List<Ast.Redirect> redirects, Map<Integer, OpenFile> fds) {
        var session = sh.session;
        for (Ast.Redirect r : redirects) {
            if (r.kind() == Kind.HEREDOC) {
                replace(fds, r.fd(), hereDocument(sh.expansion.string(r.hereDoc().body)));
                continue;
            }
            String target = sh.expansion.string(r.target());
            OpenFile file;
            if (r.fd() >= session.shell().files().limit()) {
                sh.error(r.fd() + ": " + Messages.error(syscall.Errno.EBADF));
                closeAll(fds);
                return false;
            }
            if (r.kind() == Kind.DUP) {
                int from;
                try {
                    from = Integer.parseInt(target);
                } catch (NumberFormatException e) {
                    sh.error(target + ": ambiguous redirect");
                    closeAll(fds);
                    return false;
                }
                OpenFile source = fds.containsKey(from) ? fds.get(from)
                        : from >= 0 && from < session.shell().files().limit() ? session.shell().files().get(from) : null;
                if (source == null) {
                    sh.error(from + ": " + Messages.error(syscall.Errno.EBADF));
                    closeAll(fds);
                    return false;
                }
                file = source.get();
            } else {
                int flags = switch (r.kind()) {
                    case IN -> OpenFlags.O_RDONLY;
                    case APPEND -> OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND;
                    default -> OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC;
                };
                try {
                    file = GuestFiles.open(session.kernel().vfs(), session.shell().fs(), target, flags, 0666);
                } catch (FsException e) {
                    sh.error(target + ": " + Messages.error(e.errno()));
                    closeAll(fds);
                    return false;
                }
            }
            OpenFile old = fds.put(r.fd(), file);
            if (old != null) old.put();
        }
        return true;
    }

    /** A description reading {@code text} from its start: a file that belongs to no directory. */
    private OpenFile hereDocument(String text) {
        OpenFile file = new OpenFile(new RegularFile(sh.session.kernel().vfs(), 0600), OpenFlags.O_RDWR);
        GuestFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        file.setPosition(0);
        return file;
    }

    /** Puts {@code file} at {@code fd} in {@code fds}, closing what was there. */
    private static void replace(Map<Integer, OpenFile> fds, int fd, OpenFile file) {
        OpenFile old = fds.put(fd, file);
        if (old != null) old.put();
    }

    private static void closeAll(Map<Integer, OpenFile> fds) {
        for (OpenFile f : fds.values()) f.put();
        fds.clear();
    }

    /**
     * Runs a built-in in the shell: its output and errors go to descriptors 1 and 2 of
     * {@code fds} if it has them, else to the console. Closes {@code fds}. Returns the status.
     */
    private int runBuiltin(Expanded c, Map<Integer, OpenFile> fds) {
        Builtin b = sh.builtins.find(c.words().get(0));
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        boolean direct = !fds.containsKey(1) && !fds.containsKey(2);
        // Without redirections a built-in writes straight to the console, so that what it
        // prints while it runs the machine (fg, wait, strace) comes in order with the programs' output.
        PrintStream out = direct ? sh.out : new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = direct ? sh.out : new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        try {
            return b.body().run(sh, c.words(), new Builtin.Io(out, err, fds.get(0)));
        } finally {
            // Also when it jumps (break, return): what it wrote still goes where it was sent.
            out.flush();
            err.flush();
            deliver(outBytes.toByteArray(), fds.get(1));
            deliver(errBytes.toByteArray(), fds.get(2));
            closeAll(fds);
            sh.out.flush();
        }
    }

    private void deliver(byte[] data, OpenFile target) {
        if (data.length == 0) return;
        if (target == null) {
            sh.out.write(data, 0, data.length);
        } else {
            GuestFiles.write(target, data);
        }
    }
}
