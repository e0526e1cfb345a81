package cc;

import asm.Assembler;
import diag.CompileException;
import exec.BareMachine;
import exec.Loader;
import ld.Linker;
import obj.Executable;
import obj.ObjectFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The C compiler's benchmark: compiles the CPU-bound programs in tests/ccbench/ (sieve,
 * nested loops, recursion, string work, double arithmetic) with the Clonix compiler, links each with the tiny
 * runtime tests/c/rt/crt0.s (no libc), runs it on an {@link exec.BareMachine} and reports
 * the guest instructions it executed and the host wall time it took.
 *
 * <p>The instruction count is the figure to compare between compiler versions: it depends
 * only on the generated code, never on the host. Wall time is reported beside it so the
 * numbers can be set side by side with the same source built by gcc -O0 (docs/PERFORMANCE.md,
 * "C compiler: generated code").
 *
 * <p>Run it from the repository root: {@code java -cp target/classes cc.CompilerBench}
 * (options: {@code --reps N}, and program names to run only those, each as NAME or NAME:SIZE
 * to give it SIZE as its argument: {@code fib:32}).
 */
public final class CompilerBench {
    /** Where the benchmark programs live, relative to the repository root. */
    public static final Path PROGRAMS = Path.of("tests", "ccbench");
    /** The benchmark programs, in report order. */
    public static final List<String> NAMES = List.of("sieve", "loops", "fib", "strings", "flops");
    private static final Path CRT0 = Path.of("tests", "c", "rt", "crt0.s");
    /** No benchmark program may run longer than this many guest instructions. */
    private static final long BUDGET = 5_000_000_000L;

    /** What one run of a benchmark program produced. */
    public record Run(String stdout, int status, String reason, long instructions, long nanos) {}

    private CompilerBench() {}

    /** Compiles tests/ccbench/NAME.c and links it with crt0 into an executable. */
    public static Executable build(String name) throws IOException, CompileException, ld.LinkException {
        Path source = PROGRAMS.resolve(name + ".c");
        String fileName = name + ".c";
        // Preprocessed with the file's own path, so that #include "bench_io.h" is found beside it.
        List<Token> tokens = new Preprocessor().preprocess(source.toString(), Files.readString(source));
        Compiler.Result compiled = Compiler.compile(fileName, tokens);
        ObjectFile program = Assembler.assemble(Compiler.asmName(fileName), compiled.assembly());
        ObjectFile crt0 = Assembler.assemble("crt0.s", Files.readString(CRT0));
        return new Linker().link(List.of(crt0, program), List.of());
    }

    /**
     * Runs {@code exe} once with {@code args} after argv[0] (the program's size argument, if
     * any) on a fresh 64 MiB bare machine; the wall time covers loading and running.
     */
    public static Run run(String name, Executable exe, String... args) throws IOException, Loader.LoadException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(List.of(args));
        long start = System.nanoTime();
        BareMachine.Result r = new BareMachine(out, new ByteArrayOutputStream(), 64L << 20).run(exe, argv, BUDGET);
        long nanos = System.nanoTime() - start;
        return new Run(out.toString(StandardCharsets.UTF_8), r.status(), r.reason(), r.instructions(), nanos);
    }

    /**
     * Prints one line per program: its output, guest instructions, and the median, minimum
     * and maximum wall time of {@code --reps} runs (default 5) after two warm-up runs.
     */
    public static void main(String[] args) throws Exception {
        int reps = 5;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reps") && i + 1 < args.length) reps = Integer.parseInt(args[++i]);
            else names.add(args[i]);
        }
        if (names.isEmpty()) names.addAll(NAMES);
        PrintWriter out = new PrintWriter(System.out, true);
        report(names, reps, out);
    }

    /** Measures the programs {@code names} (NAME or NAME:SIZE), {@code reps} timed runs each, one line each on {@code out}. */
    public static void report(List<String> names, int reps, PrintWriter out) throws Exception {
        out.printf("%-8s %-28s %15s %10s %10s %10s%n", "program", "output", "guest instr", "median ms", "min ms", "max ms");
        for (String spec : names) {
            // NAME or NAME:SIZE, SIZE being the program's argument (fib:32 is fib(32)).
            String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
            String[] size = spec.contains(":") ? new String[] {spec.substring(spec.indexOf(':') + 1)} : new String[0];
            Executable exe = build(name);
            for (int w = 0; w < 2; w++) run(name, exe, size);
            long[] times = new long[reps];
            Run last = null;
            for (int i = 0; i < reps; i++) {
                last = run(name, exe, size);
                times[i] = last.nanos();
            }
            java.util.Arrays.sort(times);
            out.printf("%-8s %-28s %,15d %10.1f %10.1f %10.1f%n", name, last.stdout().strip(), last.instructions(),
                    times[reps / 2] / 1e6, times[0] / 1e6, times[reps - 1] / 1e6);
            out.flush();
        }
    }
}
