package clonix;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.GradedTest;
import lab.Grader;
import lab.Lab;
import lab.LabError;
import lab.LabExport;
import lab.LabStart;
import lab.Labs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clonix lab list|start NAME|export DIR}: the course's labs (docs/labs/README.md).
 * {@code list} prints one line per lab; {@code start} turns the working tree into a lab's
 * starting point ({@link LabStart}); {@code export} writes the student edition
 * ({@link LabExport}). They work on the project this clonix was built from, or on the one
 * named by {@code -C DIR}.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "The course's labs: 'list' them, 'start NAME' to turn this tree into a lab's starting point,"
                + " 'export DIR' to write the student edition.",
        subcommands = {LabCommand.ListLabs.class, LabCommand.Start.class, LabCommand.Export.class})
final class LabCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", description = "work on the project in DIR (default: the one this clonix was built from)")
    Path directory;

    /** With no subcommand, say which there are, in one line, as for any other mistake. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("clonix lab: missing command: list, start NAME or export DIR (try 'clonix lab --help')");
        return 2;
    }

    Path project() {
        return directory != null ? directory : ProjectDir.find();
    }

    /**
     * The common part of the three: the project, and an error (a LabError, or a file that
     * cannot be read or written) turned into one line on standard error and an exit status.
     */
    abstract static class Sub implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @CommandLine.ParentCommand LabCommand parent;

        abstract void run(Path project, PrintWriter out) throws IOException, InterruptedException, LabError;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            try {
                run(parent.project(), out);
                out.flush();
                return 0;
            } catch (LabError e) {
                return fail(out, e.getMessage(), e.status);
            } catch (IOException e) {
                return fail(out, e.toString(), 1);
            }
        }

        private int fail(PrintWriter out, String message, int status) {
            out.flush();
            spec.commandLine().getErr().println("clonix lab " + spec.name() + ": " + message);
            return status;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the labs in course order: name, points, title.")
    static final class ListLabs extends Sub {
        @Override
        void run(Path project, PrintWriter out) throws IOException, LabError {
            Labs labs = Labs.of(project);
            List<String> started = labs.started();
            Map<Lab, List<GradedTest>> tests;
            try {
                tests = new Grader(labs, "").tests(List.of()); // the check files, read as the grader reads them
            } catch (Grader.Refusal e) {
                throw new LabError(1, e.getMessage());
            }
            int width = labs.all().stream().mapToInt(l -> l.name().length()).max().orElse(0);
            for (Lab l : labs.all()) {
                int points = tests.get(l).stream().mapToInt(GradedTest::points).sum();
                out.printf("%-" + width + "s  %3d points  %s%s%n", l.name(), points, l.title(),
                        started.contains(l.name()) ? "  (started)" : "");
            }
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Turn the working tree into lab NAME's starting point: its reference code becomes a stub."
                    + " Refuses while there are uncommitted changes.")
    static final class Start extends Sub {
        @Parameters(paramLabel = "NAME", description = "the lab (see 'clonix lab list')")
        String name;

        @Option(names = "--force", description = "start even though the tree is not a clean git work tree (the reference code is then lost)")
        boolean force;

        @Override
        void run(Path project, PrintWriter out) throws IOException, InterruptedException, LabError {
            LabStart.start(project, name, force, out);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the student edition into DIR (absent or empty): every lab at its starting point,"
                    + " no reference code, a fresh git repository with one commit.")
    static final class Export extends Sub {
        @Parameters(paramLabel = "DIR", description = "where to write it")
        Path dir;

        @Override
        void run(Path project, PrintWriter out) throws IOException, InterruptedException, LabError {
            LabExport.export(project, dir, out);
        }
    }
}
