package cc;

import asm.Assembler;
import exec.BareMachine;
import ld.Linker;
import obj.Executable;
import obj.ObjectFile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test support: compiles a C program with the Clonix compiler (preprocessor included, so
 * the tests/c programs share tests/c/print.h), links it with the tiny test runtime
 * tests/c/rt/crt0.s, runs it on a {@link BareMachine} and returns what it printed.
 */
final class CProgramRunner {
    static final Path TESTS_C = Path.of("tests", "c");

    /** What a run produced, and how many instructions it took. */
    record Run(String stdout, String stderr, int status, String reason, long instructions) {}

    private CProgramRunner() {}

    /**
     * Preprocesses and compiles {@code source} and runs it with {@code argv}. Quoted includes
     * are found next to {@code fileName}, so give a real path for a file that has them.
     */
    static Run run(String fileName, String source, String... argv) throws Exception {
        Compiler.Result r = Compiler.compile(fileName, new Preprocessor().preprocess(fileName, source));
        return runAssembly(Path.of(fileName).getFileName().toString(), r.assembly(), argv);
    }

    /** Compiles and runs the C file at {@code path} with {@code argv}. */
    static Run runFile(Path path, String... argv) throws Exception {
        return run(path.toString(), Files.readString(path), argv);
    }

    /** Assembles and links {@code assembly} with the runtime, then runs it. */
    static Run runAssembly(String fileName, String assembly, String... argv) throws Exception {
        return runAssembly(vm.Engine.INTERP, fileName, assembly, argv);
    }

    /** Compiles and runs the C file at {@code path} with {@code argv}, executed by {@code engine}. */
    static Run runFile(vm.Engine engine, Path path, String... argv) throws Exception {
        Compiler.Result r = Compiler.compile(path.toString(), new Preprocessor().preprocess(path.toString(), Files.readString(path)));
        return runAssembly(engine, path.getFileName().toString(), r.assembly(), argv);
    }

    /** Assembles and links {@code assembly} with the runtime, then runs it with {@code engine}. */
    static Run runAssembly(vm.Engine engine, String fileName, String assembly, String... argv) throws Exception {
        ObjectFile program = Assembler.assemble(Compiler.asmName(fileName), assembly);
        ObjectFile crt0 = Assembler.assemble("crt0.s", Files.readString(TESTS_C.resolve("rt/crt0.s")));
        Executable exe = new Linker().link(List.of(crt0, program), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>();
        args.add(fileName);
        args.addAll(List.of(argv));
        BareMachine.Result res = new BareMachine(out, err, 64L << 20).engine(engine).run(exe, args, 50_000_000L);
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), res.status(), res.reason(),
                res.instructions());
    }
}
