package shell;

import java.io.PrintStream;
import java.util.List;

/**
 * A command the shell carries out itself, because it changes the shell (cd, exit, export),
 * works on its jobs (fg, kill, wait) or controls the machine (cpus, trace, timeline).
 *
 * @param name    what the user types
 * @param usage   the synopsis, e.g. {@code cd [DIR]}
 * @param summary one line for {@code help}
 * @param detail  the longer text of {@code help NAME}
 * @param body    what it does
 */
record Builtin(String name, String usage, String summary, String detail, Body body) {
    /** A built-in's code: returns the exit status; {@code args.get(0)} is the name. */
    @FunctionalInterface
    interface Body {
        int run(Shell sh, List<String> args, Io io);
    }

    /**
     * Where a built-in writes: its standard output and error, routed by the caller
     * (redirections, pipes); and its standard input, null for the shell's own (the console).
     */
    record Io(PrintStream out, PrintStream err, fs.OpenFile in) {}
}
