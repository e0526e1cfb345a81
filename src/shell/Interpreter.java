package shell;

import fs.Directory;
import fs.OpenFile;
import fs.OpenFlags;
import fs.RegularFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import shell.Token.Kind;

/**
 * Runs lists and compound commands: and-or lists (with {@code set -e}), if, while, until,
 * for, case, groups and subshells, function definitions and calls, and command
 * substitution. Pipelines and simple commands are the {@link Executor}'s.
 *
 * <p><b>Subshells.</b> The shell cannot fork itself, so {@code ( ... )}, {@code $( ... )}
 * and a compound command that is one stage of a longer pipeline run in the shell, with
 * what a subshell could change saved first and put back after: variables, positional
 * parameters, functions, options, the working directory, and a request to exit (which ends
 * only the subshell, its status becoming the subshell's).
 *
 * <p><b>Status and set -e.</b> $? is set after each pipeline. With {@code set -e} a list
 * whose last pipeline fails ends the shell, except where the failure is tested: in the
 * condition of if, while and until, left of {@code &&} or {@code ||}, after {@code !}.
 */
final class Interpreter {
    /**
     * How deep functions may call functions (and eval and '.' run text): bash's FUNCNEST,
     * fixed, so that recursion cannot exhaust the JVM's stack.
     */
    static final int MAX_FUNCTION_DEPTH = 100;
    /** The most output a command substitution may produce. */
    static final int MAX_SUBSTITUTION_BYTES = 1 << 20;

    private final Shell sh;
    /** Loops around the running command, for break and continue. */
    private int loopDepth;
    /** Functions running. */
    private int functionDepth;
    /** eval and '.' running. */
    private int textDepth;
    /** Greater than 0 while a condition runs, where set -e does not apply. */
    private int conditionDepth;

    Interpreter(Shell sh) {
        this.sh = sh;
    }

    /** Runs each and-or list in turn, until one asks the shell to exit; returns the last status. */
    int runList(List<Ast.AndOr> lists) {
        int status = sh.vars.status();
        for (Ast.AndOr list : lists) {
            if (sh.exitRequested()) break;
            status = runAndOr(list);
        }
        return status;
    }

    /** Runs an and-or list and sets $? after each pipeline. */
    int runAndOr(Ast.AndOr list) {
        if (list.background() && list.pipelines().size() > 1) {
            sh.error("background lists with && or || are not supported; run the pipelines one by one");
            sh.vars.setStatus(2);
            return 2;
        }
        int last = list.pipelines().size() - 1;
        int status = 0;
        int ran = 0;
        for (int i = 0; i <= last && !sh.exitRequested(); i++) {
            if (i > 0 && (list.connectors().get(i - 1) == Kind.AND_IF) != (status == 0)) continue;
            boolean tested = i < last; // its status decides what runs next: set -e leaves it alone
            if (tested) conditionDepth++;
            try {
                status = runPipeline(list.pipelines().get(i), list.background());
            } finally {
                if (tested) conditionDepth--;
            }
            ran = i;
        }
        if (sh.errexit && status != 0 && conditionDepth == 0 && ran == last
                && !list.pipelines().get(ran).negated() && !list.background()) {
            sh.requestExit(status);
        }
        return status;
    }

    private int runPipeline(Ast.Pipeline p, boolean background) {
        int status = sh.executor.runPipeline(p, background);
        if (p.negated()) status = status == 0 ? 1 : 0;
        sh.vars.setStatus(status);
        return status;
    }

    /** Runs a compound command or function definition in the shell; returns its status. */
    int run(Ast.Node node) {
        if (node instanceof Ast.If n) return runIf(n);
        if (node instanceof Ast.Loop n) return runLoop(n);
        if (node instanceof Ast.For n) return runFor(n);
        if (node instanceof Ast.Case n) return runCase(n);
        if (node instanceof Ast.Group n) return n.subshell() ? subshell(() -> runList(n.body())) : runList(n.body());
        if (node instanceof Ast.FunctionDef n) {
            sh.functions.put(n.name(), n.body());
            return 0;
        }
        if (node instanceof Ast.Redirected n) {
            Map<Integer, OpenFile> fds = sh.executor.inherited();
            if (!sh.executor.redirect(n.redirects(), fds)) return 1;
            return sh.executor.withDescriptors(fds, () -> run(n.command()));
        }
        throw new IllegalArgumentException("not a compound command: " + node);
    }

    private int condition(List<Ast.AndOr> list) {
        conditionDepth++;
        try {
            return runList(list);
        } finally {
            conditionDepth--;
        }
    }

    private int runIf(Ast.If n) {
        for (int i = 0; i < n.conditions().size(); i++) {
            int c = condition(n.conditions().get(i));
            if (sh.exitRequested()) return c;
            if (c == 0) return runList(n.bodies().get(i));
        }
        return n.elseBody().isEmpty() ? 0 : runList(n.elseBody());
    }

    private int runLoop(Ast.Loop n) {
        int status = 0;
        loopDepth++;
        try {
            while (true) {
                int c = condition(n.condition());
                if (sh.exitRequested() || (c == 0) == n.until()) break;
                Pass pass = pass(n.body(), status);
                status = pass.status();
                if (pass.leaves()) break;
            }
        } finally {
            loopDepth--;
        }
        return status;
    }

    private int runFor(Ast.For n) {
        List<String> words = n.words() == null ? sh.vars.positional() : sh.expansion.fields(n.words());
        int status = 0;
        loopDepth++;
        try {
            for (String w : words) {
                if (sh.xtrace) sh.executor.trace("for " + n.name() + " in " + String.join(" ", words.stream().map(Executor::quote).toList()));
                sh.vars.set(n.name(), w);
                Pass pass = pass(n.body(), status);
                status = pass.status();
                if (pass.leaves()) break;
            }
        } finally {
            loopDepth--;
        }
        return status;
    }

    /**
     * What one round of a loop's body did: its status (the one before it, if {@code break} or
     * {@code continue} cut it short) and whether the loop ends there (see {@link #leavesLoop}).
     */
    private record Pass(int status, boolean leaves) {}

    /** Runs one round of a loop's body, whose status so far is {@code status}. */
    private Pass pass(List<Ast.AndOr> body, int status) {
        Control jump = null;
        try {
            status = runList(body);
        } catch (Control e) {
            jump = e;
        }
        return new Pass(status, sh.exitRequested() || leavesLoop(jump));
    }

    /**
     * After one round of a loop's body: true if the loop ends ({@code break}), false if it
     * goes on; a jump meant for an outer loop, or a return, is passed on. Ctrl-C ends the
     * loop and the whole command line, as in bash: pressed while a program of the loop ran
     * (it died of SIGINT), or while only built-ins ran, which nothing else would stop.
     */
    private boolean leavesLoop(Control jump) {
        boolean keyInterrupt = sh.frontend.keyPending() && sh.frontend.takeKey() == task.Signals.SIGINT;
        if (sh.executor.takeInterrupt() || keyInterrupt) throw new Control(Control.Kind.INTERRUPT, 0);
        if (jump == null) return false;
        if (jump.kind != Control.Kind.BREAK && jump.kind != Control.Kind.CONTINUE) throw jump;
        if (--jump.value > 0) throw jump;
        return jump.kind == Control.Kind.BREAK;
    }

    private int runCase(Ast.Case n) {
        String subject = sh.expansion.string(n.word());
        for (Ast.CaseArm arm : n.arms()) {
            for (Word pattern : arm.patterns()) {
                if (sh.expansion.matches(pattern, subject)) return arm.body().isEmpty() ? 0 : runList(arm.body());
            }
        }
        return 0;
    }

    /** Calls function {@code body} with {@code args} (args[0] its name) as its positional parameters. */
    int call(Ast.Node body, List<String> args) {
        if (tooDeep(args.get(0))) return 1;
        List<String> saved = sh.vars.setPositional(args.subList(1, args.size()));
        int savedLoops = loopDepth;
        sh.vars.pushFrame();
        functionDepth++;
        loopDepth = 0;
        try {
            return run(body);
        } catch (Control e) {
            if (e.kind != Control.Kind.RETURN) throw e;
            return e.value;
        } finally {
            functionDepth--;
            loopDepth = savedLoops;
            sh.vars.popFrame();
            sh.vars.setPositional(saved);
        }
    }

    /** True after bash's message if {@code name} (a function, eval or '.') would nest too deep. */
    private boolean tooDeep(String name) {
        if (functionDepth + textDepth < MAX_FUNCTION_DEPTH) return false;
        sh.error(name + ": maximum function nesting level exceeded (" + MAX_FUNCTION_DEPTH + ")");
        return true;
    }

    /** Runs the commands of eval or '.' (named {@code name}); they count towards {@link #MAX_FUNCTION_DEPTH}. */
    int runText(String name, List<Ast.AndOr> lists) {
        if (tooDeep(name)) return 1;
        textDepth++;
        try {
            return runList(lists);
        } finally {
            textDepth--;
        }
    }

    /** How many loops enclose the running command (0 in a function called from a loop). */
    int loopDepth() {
        return loopDepth;
    }

    /** True while a function runs, where return and local work. */
    boolean inFunction() {
        return functionDepth > 0;
    }

    /**
     * Runs {@code body} as a subshell would: what it changes in the shell is put back after
     * (see the class comment). Returns its status, or the status exit gave.
     */
    int subshell(IntSupplier body) {
        Variables.Snapshot vars = sh.vars.snapshot();
        Map<String, Ast.Node> functions = new TreeMap<>(sh.functions);
        String options = sh.options();
        boolean inPipeline = sh.inPipeline;
        Directory cwd = sh.session.shell().fs().cwd();
        sh.inPipeline = false;
        int status;
        try {
            status = body.getAsInt();
        } catch (Control e) {
            if (e.kind == Control.Kind.INTERRUPT) throw e;
            status = e.kind == Control.Kind.RETURN ? e.value : sh.vars.status(); // a loop's jump ends the subshell
        } finally {
            sh.vars.restore(vars);
            sh.functions.clear();
            sh.functions.putAll(functions);
            sh.setOptions(options);
            sh.inPipeline = inPipeline;
            sh.session.shell().fs().setCwd(cwd);
        }
        Integer exit = sh.takeExitRequest();
        return exit != null ? exit : status;
    }

    /**
     * {@code $(body)}: runs it as a subshell with its standard output going to a file that
     * belongs to no directory, and returns what it wrote, trailing newlines removed (NUL
     * bytes are dropped, as bash drops them). $? becomes its status.
     */
    String capture(List<Ast.AndOr> body) {
        RegularFile file = new RegularFile(sh.session.kernel().vfs(), 0600);
        OpenFile out = new OpenFile(file, OpenFlags.O_WRONLY);
        Map<Integer, OpenFile> fds = sh.executor.inherited();
        OpenFile replaced = fds.put(1, out.get());
        if (replaced != null) replaced.put();
        byte[] bytes;
        try {
            int status = sh.executor.withDescriptors(fds, () -> subshell(() -> {
                sh.setOptions(sh.options().replace("e", "")); // bash's substitutions do not inherit set -e
                return runList(body);
            }));
            sh.vars.setStatus(status);
            sh.executor.noteSubstitution(status);
            bytes = file.contents();
        } finally {
            out.put();
        }
        if (bytes.length > MAX_SUBSTITUTION_BYTES) {
            throw new Expansion.Failure("command substitution: output larger than " + MAX_SUBSTITUTION_BYTES + " bytes", false);
        }
        String s = new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') end--;
        return s.substring(0, end);
    }
}
