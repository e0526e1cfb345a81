package clonix;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code clonix} command: the entry point of the jar. Each tool of the system is a
 * subcommand in a class of its own; this class only wires them together and turns any
 * unexpected Java exception into one line on standard error, never a stack trace.
 */
@Command(
        name = "clonix",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Clonix: a teaching Unix-like kernel on a small 64-bit bytecode machine.",
            "",
            "With no command, boots a machine and opens its shell (batch mode if standard",
            "input is not a terminal, or with --script). Run a program in a freshly booted",
            "system with 'clonix run PROGRAM'; compile C with 'clonix cc'; the assembler,",
            "linker and disassembler are here too; 'clonix lab' lists, starts and exports",
            "the course's labs.",
        },
        subcommands = {
            RunCommand.class,
            ExploreCommand.class,
            CcCommand.class,
            AsCommand.class,
            LdCommand.class,
            ArCommand.class,
            ObjdumpCommand.class,
            Addr2lineCommand.class,
            ExecCommand.class,
            BenchCommand.class,
            LabCommand.class,
            GradeCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin MachineOptions machine;

    @CommandLine.Option(names = "--script", paramLabel = "FILE", description = "run the shell commands in FILE (batch mode) and exit with the last one's status")
    java.nio.file.Path script;

    @CommandLine.Option(names = "--echo", description = "batch mode: print each command after the prompt before running it")
    boolean echo;

    /** With no subcommand, boot the machine and open its shell. */
    @Override
    public Integer call() throws Exception {
        try {
            return ShellLauncher.launch(machine.toOptions(), script, echo);
        } catch (HostFiles.UserError e) {
            spec.commandLine().getErr().println("clonix: " + e.getMessage());
            return 1;
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit status; used by main and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        // cc takes gcc's options itself, so picocli passes them through untouched.
        cl.getSubcommands().get("cc").setUnmatchedOptionsArePositionalParams(true);
        // Everything after the program's name belongs to the program, not to clonix; gcc's
        // options before it (-I, -D, -l...) are the compiler's (see RunSources).
        cl.getSubcommands().get("run").setStopAtPositional(true);
        cl.getSubcommands().get("run").setUnmatchedOptionsArePositionalParams(true);
        cl.getSubcommands().get("exec").setStopAtPositional(true);
        cl.getSubcommands().get("explore").setStopAtPositional(true);
        cl.setOut(out);
        cl.setErr(err);
        // A mistake on the command line gets one line, not the whole usage text.
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine sub = ex.getCommandLine();
            String name = sub.getCommandSpec().qualifiedName();
            sub.getErr().println(name + ": " + ex.getMessage() + " (try '" + name + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("clonix: internal error: " + ex);
            return 70; // EX_SOFTWARE
        });
        return cl.execute(args);
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/clonix/version.properties")) {
                if (in != null) p.load(in);
            }
            return new String[] {"clonix " + p.getProperty("version", "unknown")};
        }
    }
}
