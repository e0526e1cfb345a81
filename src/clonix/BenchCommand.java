package clonix;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vm.InterpreterBench;

/** {@code clonix bench NAME}: run one of the benchmarks recorded in docs/PERFORMANCE.md. */
@Command(name = "bench", description = "Run a benchmark: 'interp' measures the interpreter (about 20 s).")
final class BenchCommand extends ToolCommand {
    @Parameters(paramLabel = "NAME", description = "which benchmark: ${COMPLETION-CANDIDATES}")
    Name name;

    enum Name { interp }

    @Override
    int call0() {
        spec.commandLine().getOut().print(InterpreterBench.run());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
