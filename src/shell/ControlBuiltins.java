package shell;

import java.util.List;

/**
 * The built-ins of the script language: {@code :}, {@code break}, {@code continue},
 * {@code return}, {@code local}, {@code shift} and {@code set}. The jumps throw a
 * {@link Control} that the {@link Interpreter} catches at the loop or function call; in a
 * stage of a longer pipeline (a subshell in bash) they do nothing.
 */
final class ControlBuiltins {
    private ControlBuiltins() {}

    static void register(Builtins table) {
        table.add(new Builtin(":", ": [ARG...]", "do nothing, successfully", "Expands its arguments and returns status 0.",
                (sh, args, io) -> 0));
        table.add(new Builtin("break", "break [N]", "leave a loop",
                "Leaves the innermost for, while or until loop, or the N innermost ones.",
                (sh, args, io) -> jump(sh, args, io, Control.Kind.BREAK)));
        table.add(new Builtin("continue", "continue [N]", "go on with a loop's next round",
                "Skips the rest of the body of the innermost loop (or of the Nth one) and goes on with its next round.",
                (sh, args, io) -> jump(sh, args, io, Control.Kind.CONTINUE)));
        table.add(new Builtin("return", "return [N]", "leave a function",
                "Leaves the running function with status N (default: the last command's).",
                ControlBuiltins::doReturn));
        table.add(new Builtin("local", "local NAME[=VALUE]...", "make a function's own variable",
                "Inside a function: NAME keeps its value (or VALUE) until the function returns,\n"
                        + "when it gets back the value it had before.",
                ControlBuiltins::local));
        table.add(new Builtin("shift", "shift [N]", "drop positional parameters",
                "Drops $1 (or $1 to $N): $2 becomes $1, and so on. Status 1 if there are fewer than N.",
                ControlBuiltins::shift));
        table.add(new Builtin("set", "set [-efx] [+efx] [--] [ARG...]", "set options or $1...",
                "-e: a command that fails ends the shell (not in a condition, left of && or ||,\n"
                        + "or after !); -f: no pathname expansion; -x: print each command, expanded,\n"
                        + "before it runs; + turns them off.\n"
                        + "ARGs (after -- if one starts with -) become $1, $2... With nothing, lists the variables.",
                ControlBuiltins::set));
    }

    /** break and continue: N (default 1) loops, at most as many as there are. */
    private static int jump(Shell sh, List<String> args, Builtin.Io io, Control.Kind kind) {
        String name = args.get(0);
        int n = 1;
        if (args.size() > 1) {
            Integer parsed = number(args.get(1));
            if (parsed == null) {
                io.err().println("sh: " + name + ": " + args.get(1) + ": numeric argument required");
                return 1;
            }
            if (parsed < 1) {
                io.err().println("sh: " + name + ": " + args.get(1) + ": loop count out of range");
                return 1;
            }
            n = parsed;
        }
        if (sh.interpreter.loopDepth() == 0) {
            io.err().println("sh: " + name + ": only meaningful in a `for', `while', or `until' loop");
            return 0;
        }
        if (sh.inPipeline) return 0;
        throw new Control(kind, Math.min(n, sh.interpreter.loopDepth()));
    }

    private static int doReturn(Shell sh, List<String> args, Builtin.Io io) {
        int status = sh.vars.status();
        if (args.size() > 1) {
            Integer parsed = number(args.get(1));
            if (parsed == null) {
                io.err().println("sh: return: " + args.get(1) + ": numeric argument required");
                status = 2;
            } else {
                status = parsed & 0xff;
            }
        }
        if (!sh.interpreter.inFunction()) {
            io.err().println("sh: return: can only `return' from a function or sourced script");
            return 1;
        }
        if (sh.inPipeline) return status;
        throw new Control(Control.Kind.RETURN, status);
    }

    private static int local(Shell sh, List<String> args, Builtin.Io io) {
        if (!sh.interpreter.inFunction()) {
            io.err().println("sh: local: can only be used in a function");
            return 1;
        }
        int status = 0;
        for (String a : args.subList(1, args.size())) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (!Variables.isName(name)) {
                io.err().println("sh: local: `" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            if (sh.inPipeline) continue;
            sh.vars.makeLocal(name);
            if (eq >= 0) sh.vars.set(name, a.substring(eq + 1));
        }
        return status;
    }

    private static int shift(Shell sh, List<String> args, Builtin.Io io) {
        int n = 1;
        if (args.size() > 1) {
            Integer parsed = number(args.get(1));
            if (parsed == null || parsed < 0) {
                io.err().println("sh: shift: " + args.get(1) + ": " + (parsed == null ? "numeric argument required" : "shift count out of range"));
                return 1;
            }
            n = parsed;
        }
        List<String> params = sh.vars.positional();
        if (n > params.size()) return 1;
        if (!sh.inPipeline) sh.vars.setPositional(params.subList(n, params.size()));
        return 0;
    }

    private static int set(Shell sh, List<String> args, Builtin.Io io) {
        if (args.size() == 1) {
            for (String name : sh.vars.names()) io.out().println(name + "=" + Executor.quote(sh.vars.get(name)));
            return 0;
        }
        StringBuilder options = new StringBuilder(sh.options());
        int i = 1;
        boolean positional = false;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                positional = true;
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-' && a.charAt(0) != '+') break;
            boolean on = a.charAt(0) == '-';
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'e' || c == 'f' || c == 'x') {
                    int at = options.indexOf(String.valueOf(c));
                    if (on && at < 0) options.append(c);
                    if (!on && at >= 0) options.deleteCharAt(at);
                } else {
                    io.err().println("sh: set: " + a.charAt(0) + c + ": invalid option");
                    io.err().println("set: usage: set [-efx] [+efx] [--] [ARG...]");
                    return 2;
                }
            }
        }
        if (sh.inPipeline) return 0;
        sh.setOptions(options.toString());
        if (positional || i < args.size()) sh.vars.setPositional(args.subList(i, args.size()));
        return 0;
    }

    /** A decimal argument, or null. */
    private static Integer number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
