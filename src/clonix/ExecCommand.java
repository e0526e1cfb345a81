package clonix;

import asm.Disassembler;
import exec.BareMachine;
import exec.Loader;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obj.Executable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clonix exec PROGRAM [ARGS...]}: run a program on the bare machine (one CPU, no
 * kernel). The program may be an executable or a single {@code .s}/{@code .o} file, which is
 * linked first. The exit status is the program's, or 128 + the signal for a fault.
 */
@Command(
        mixinStandardHelpOptions = true, name = "exec",
        description = {
            "Run an executable on the bare machine: one CPU, no kernel.",
            "Only write (1) and exit (60, 231) are served; other system calls return -ENOSYS.",
            "A .s or .o file is assembled and linked first."
        })
final class ExecCommand extends ToolCommand {
    @Parameters(index = "0", paramLabel = "PROGRAM", description = "an executable, .s or .o file")
    Path program;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "arguments (argv[1] ...)")
    List<String> args = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "N", defaultValue = "" + Long.MAX_VALUE,
            description = "stop after exactly N instructions (exit status 124)")
    long budget;

    @Option(names = "--trace", description = "print each instruction to standard error before it runs")
    boolean trace;

    @Option(names = "--mem", paramLabel = "MIB", defaultValue = "64", description = "physical memory in MiB (default: ${DEFAULT-VALUE})")
    int memMiB;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "jit",
            description = "how the CPU executes the program: jit (hot code translated to JVM classes) or "
                    + "interp (the interpreter alone); both give the same output (default: ${DEFAULT-VALUE})")
    String engine;

    @Override
    int call0() throws Exception {
        if (memMiB < 1 || memMiB > 4096) throw new HostFiles.UserError("--mem must be between 1 and 4096 MiB");
        vm.Engine chosen = vm.Engine.parse(engine);
        if (chosen == null) throw new HostFiles.UserError("--engine must be interp or jit");
        Executable exe = Inputs.link(List.of(program), "_start");
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        BareMachine machine = new BareMachine(out, err, (long) memMiB << 20).engine(chosen);
        if (trace) {
            machine.trace((pc, word) -> String.format("%8x %-20s %s", pc, exe.symbolAt(pc).map(Object::toString).orElse(""),
                    Disassembler.format(word, pc, exe::symbolAt)));
        }
        List<String> argv = new ArrayList<>();
        argv.add(program.getFileName().toString());
        argv.addAll(args);
        BareMachine.Result r;
        try {
            r = machine.run(exe, argv, budget);
        } catch (Loader.LoadException e) {
            throw new HostFiles.UserError(program + ": cannot load: " + e.getMessage());
        } finally {
            out.flush();
        }
        if (r.status() >= 124) spec.commandLine().getErr().println("clonix exec: " + program.getFileName() + ": " + r.reason());
        return r.status();
    }
}
