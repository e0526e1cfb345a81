package clonix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vm.InterpreterBench;

/**
 * {@code clonix bench NAME}: run one of the benchmarks recorded in docs/PERFORMANCE.md.
 * With {@code --with-gcc} the same loops written in C (tests/bench) are built with the
 * host's gcc at -O0 and -O2 and timed in the same run, so the figures sit side by side.
 */
@Command(name = "bench", description = "Run a benchmark: 'interp' measures the interpreter (about 20 s).")
final class BenchCommand extends ToolCommand {
    @Parameters(paramLabel = "NAME", description = "which benchmark: ${COMPLETION-CANDIDATES}")
    Name name;

    @Option(names = "--with-gcc", description = "also build and time the C versions in tests/bench with gcc")
    boolean withGcc;

    enum Name { interp }

    @Override
    int call0() throws Exception {
        var out = spec.commandLine().getOut();
        out.print(InterpreterBench.run());
        out.flush();
        if (withGcc) {
            for (String loop : List.of("arith", "memloop")) {
                for (String opt : List.of("-O0", "-O2")) {
                    out.print(native_(loop, opt));
                    out.flush();
                }
            }
        }
        return 0;
    }

    /** Builds tests/bench/LOOP.c with gcc OPT and runs it; returns its report lines, labelled. */
    private static String native_(String loop, String opt) throws HostFiles.UserError, IOException, InterruptedException {
        Path source = ProjectDir.find().resolve("tests/bench/" + loop + ".c");
        if (!Files.exists(source)) throw new HostFiles.UserError(source + ": benchmark source not found");
        Path binary = Files.createTempFile("clonix-bench-", "");
        try {
            String built = runProcess(List.of("gcc", opt, "-o", binary.toString(), source.toString()));
            if (built == null) throw new HostFiles.UserError("gcc failed to build " + source);
            String report = runProcess(List.of(binary.toString(), "200000000", "3"));
            StringBuilder s = new StringBuilder();
            for (String line : report.split("\n")) s.append("gcc ").append(opt).append(' ').append(line).append('\n');
            return s.toString();
        } finally {
            Files.deleteIfExists(binary);
        }
    }

    /** Runs a host command; returns its standard output, or null if it failed. */
    private static String runProcess(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? output : null;
    }
}
