package shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table of built-in commands, sorted by name, and {@code help}, which reads it: every
 * command in one line, or {@code help NAME} for one in detail. Each group of built-ins
 * lives in its own class and adds itself here.
 */
final class Builtins {
    private final Map<String, Builtin> table = new TreeMap<>();

    Builtins() {
        BasicBuiltins.register(this);
        JobBuiltins.register(this);
        MachineBuiltins.register(this);
        CcBuiltin.register(this);
        ExploreBuiltin.register(this);
        ReplayBuiltin.register(this);
        ControlBuiltins.register(this);
        TestBuiltin.register(this);
        InputBuiltins.register(this);
        add(new Builtin("help", "help [NAME]", "list the commands, or explain one",
                "With no NAME, lists every built-in command with a one-line summary, then the\n"
                        + "programs in /bin. 'help NAME' shows the usage and a description of NAME.",
                this::help));
    }

    /** Adds a built-in (its name must be new). */
    void add(Builtin b) {
        if (table.put(b.name(), b) != null) throw new IllegalStateException("two built-ins named " + b.name());
    }

    /** The built-in called {@code name}, or null. */
    Builtin find(String name) {
        return table.get(name);
    }

    /** The names, sorted. */
    List<String> names() {
        return new ArrayList<>(table.keySet());
    }

    private int help(Shell sh, List<String> args, Builtin.Io io) {
        if (args.size() > 2) {
            io.err().println("help: usage: help [NAME]");
            return 2;
        }
        if (args.size() == 2) {
            Builtin b = table.get(args.get(1));
            if (b == null) {
                io.err().println("help: no help topic matches '" + args.get(1) + "'");
                return 1;
            }
            io.out().println(b.usage() + " - " + b.summary());
            io.out().println(b.detail());
            return 0;
        }
        io.out().println("Built-in commands ('help NAME' for more):");
        for (Builtin b : table.values()) io.out().println(String.format("  %-26s %s", b.usage(), b.summary()));
        List<String> programs = boot.GuestFiles.list(sh.session.shell().fs(), "/bin");
        if (!programs.isEmpty()) io.out().println("Programs in /bin: " + String.join(" ", programs));
        io.out().println("Syntax: a | b, a && b, a || b, a; b, a &, < > >> 2> 2>&1 <<EOF, 'quotes', \"$VAR\", $?, $(cmd),");
        io.out().println("  $((1 + 2)), *.c, if, while, until, for, case, NAME() { ...; } (docs/shell.md)");
        return 0;
    }
}
