package cc;

import asm.Assembler;
import diag.CompileException;
import diag.Diagnostic;
import ld.LinkException;
import ld.Linker;
import obj.Archive;
import obj.ExecutableFormat;
import obj.FormatException;
import obj.ObjectFile;
import obj.ObjectFormat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code cc} command, with the options students know from gcc:
 *
 * <pre>
 *   cc [-I dir] [-D name[=value]] [-U name] [-c] [-S] [-E] [-o out] [-L dir] [-l lib] [-nostdlib]
 *      [-w] [-Werror] [-W...] [-O...] [-g] [-std=...] [-pthread] files...
 * </pre>
 *
 * The options a course's Makefile passes to gcc are accepted, so the same command line works:
 * -O0..-O3, -Os, -Og and -g change nothing (Clonix has one way to compile and no debugger
 * format), -std= names a C standard Clonix's C covers, -pthread and -lm, -lpthread, -lrt,
 * -ldl need nothing (everything is in the one C library, as in glibc since 2.34). Warnings are
 * always on: -Wall, -Wextra and the other -W options are accepted, -w silences them and
 * -Werror makes any warning fail the build.
 *
 * Inputs are .c (preprocessed and compiled), .s (assembled), .o (object files) and .a
 * (archives). -E prints the preprocessed tokens, -S writes NAME.s, -c writes NAME.o, and
 * otherwise everything is linked with {@code ld.Linker} (entry {@code _start}) into
 * {@code a.out} or the -o file. Diagnostics go to {@code err} as clang prints them, naming
 * files as the user typed them.
 *
 * <p>Every file access goes through the {@link CompilerFiles} given to the constructor: the
 * host's files for {@code ./clonix cc}, the guest's for the shell's {@code cc}. Nothing
 * else is touched, and no input can make the driver allocate without bound (see
 * {@link Limits}) or let a Java exception or error escape.
 */
public final class Driver {
    private final CompilerFiles files;
    private final List<String> systemIncludeDirs;
    /** Objects linked before the user's (crt0) and archives after them (libc), unless -nostdlib. */
    private List<String> startFiles = List.of();
    private List<String> standardLibraries = List.of();

    /**
     * A driver reading and writing through {@code files} and searching
     * {@code systemIncludeDirs} (paths in {@code files}) for {@code <...>} includes.
     */
    public Driver(CompilerFiles files, List<String> systemIncludeDirs) {
        this.files = files;
        this.systemIncludeDirs = List.copyOf(systemIncludeDirs);
    }

    /**
     * A driver on the host's files, relative to {@code workingDir}, for the project at
     * {@code projectRoot}: system headers in its userland/include.
     */
    public static Driver forProject(Path projectRoot, Path workingDir) {
        return new Driver(new HostCompilerFiles(workingDir),
                List.of(projectRoot.resolve("userland").resolve("include").toString()));
    }

    /**
     * Sets what every link adds, as gcc adds crt1.o and libc: {@code startFiles} (object
     * files) go before the user's inputs, {@code libraries} (archives) after them. The
     * option -nostdlib leaves both out. Returns this driver.
     */
    public Driver standardLink(List<String> startFiles, List<String> libraries) {
        this.startFiles = List.copyOf(startFiles);
        this.standardLibraries = List.copyOf(libraries);
        return this;
    }

    /** Runs {@code cc args} with the project in the current directory; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Path here = Path.of("").toAbsolutePath();
        return forProject(here, here).execute(args, out, err);
    }

    /** The parsed command line; paths as typed. */
    private static final class Options {
        final List<String> includeDirs = new ArrayList<>();
        final List<String> defines = new ArrayList<>();
        final List<String> libDirs = new ArrayList<>();
        final List<String> libs = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();
        boolean compileOnly, assemblyOnly, preprocessOnly, noStdlib, noWarnings, warningsAreErrors;
        String output;
    }

    /** Libraries whose functions are all in Clonix's one C library: -lm and the like add nothing. */
    private static final Set<String> PART_OF_LIBC = Set.of("c", "m", "pthread", "rt", "dl");

    /** The C standards -std= accepts (Clonix's C is C11 with GNU extensions whichever is named). */
    private static final Set<String> STANDARDS = Set.of("c89", "c90", "c99", "c11", "c17", "c18",
            "gnu89", "gnu90", "gnu99", "gnu11", "gnu17", "gnu18", "iso9899:1990", "iso9899:1999",
            "iso9899:2011", "iso9899:2017");

    /** Whether {@code a} is an option gcc users pass that changes nothing in Clonix. */
    private static boolean acceptedWithoutEffect(String a) {
        return a.equals("-g") || a.matches("-g[0-3]") || a.matches("-O[0-3sgz]?") || a.equals("-pthread")
                || a.equals("-pedantic") || a.equals("-pedantic-errors")
                || (a.startsWith("-std=") && STANDARDS.contains(a.substring(5)))
                || (a.startsWith("-W") && !a.startsWith("-Wl,") && !a.startsWith("-Wa,") && !a.startsWith("-Wp,"));
    }

    /**
     * Runs {@code cc args}; returns 0 on success, 1 if anything failed. Even a Java error the
     * process can survive (out of memory, stack overflow) ends as one line on {@code err}.
     */
    public int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            Options o = parse(args, err);
            if (o == null) return 1;
            return build(o, out, err);
        } catch (RuntimeException e) {
            err.println("cc: internal compiler error: " + e);
            return 1;
        } catch (StackOverflowError e) {
            err.println("cc: fatal error: input nested too deeply for the compiler's stack");
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("cc: fatal error: out of memory");
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Options parse(String[] args, PrintWriter err) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String flag = a.length() >= 2 && a.startsWith("-") ? a.substring(0, 2) : "";
            switch (flag) {
                case "-I", "-D", "-U", "-L", "-l", "-o" -> {
                    String value = a.length() > 2 ? a.substring(2) : (i + 1 < args.length ? args[++i] : null);
                    if (value == null) {
                        err.println("cc: error: argument to '" + flag + "' is missing");
                        return null;
                    }
                    switch (flag) {
                        case "-I" -> o.includeDirs.add(value);
                        case "-D" -> o.defines.add("-D" + value);
                        case "-U" -> o.defines.add("-U" + value);
                        case "-L" -> o.libDirs.add(value);
                        case "-l" -> {
                            if (!PART_OF_LIBC.contains(value)) o.libs.add(value);
                        }
                        default -> o.output = value;
                    }
                }
                case "-n" -> {
                    if (!a.equals("-nostdlib")) {
                        err.println("cc: error: unknown argument: '" + a + "'");
                        return null;
                    }
                    o.noStdlib = true;
                }
                case "-w" -> {
                    if (!a.equals("-w")) {
                        err.println("cc: error: unknown argument: '" + a + "'");
                        return null;
                    }
                    o.noWarnings = true;
                }
                case "-c" -> o.compileOnly = true;
                case "-S" -> o.assemblyOnly = true;
                case "-E" -> o.preprocessOnly = true;
                default -> {
                    if (a.equals("-Werror")) {
                        o.warningsAreErrors = true;
                        continue;
                    }
                    if (acceptedWithoutEffect(a)) continue;
                    if (a.startsWith("-") && !a.equals("-")) {
                        err.println("cc: error: unknown argument: '" + a + "'");
                        return null;
                    }
                    o.inputs.add(a);
                }
            }
        }
        if (o.inputs.isEmpty()) {
            err.println("cc: error: no input files");
            return null;
        }
        boolean oneOutputPerInput = o.compileOnly || o.assemblyOnly || o.preprocessOnly;
        if (oneOutputPerInput && o.output != null && o.inputs.size() > 1) {
            err.println("cc: error: cannot specify -o when generating multiple output files");
            return null;
        }
        return o;
    }

    /** A file the driver could not read or write; the message is the whole diagnostic after "cc: error: ". */
    private static final class FileError extends Exception {
        FileError(String message) {
            super(message);
        }
    }

    private int build(Options o, PrintWriter out, PrintWriter err) {
        Preprocessor pp = new Preprocessor(o.includeDirs, systemIncludeDirs, o.defines, files);
        List<ObjectFile> objects = new ArrayList<>();
        List<Archive> archives = new ArrayList<>();
        boolean failed = false;
        for (String input : o.inputs) {
            try {
                ObjectFile obj = translate(input, o, pp, out, err);
                if (obj != null) objects.add(obj);
                if (input.endsWith(".a")) archives.add(Archive.read(input, read(input, Limits.MAX_OBJECT_FILE_BYTES)));
            } catch (CompileException e) {
                err.print(e.render());
                failed = true;
            } catch (FormatException e) {
                err.println("cc: error: " + e.getMessage());
                failed = true;
            } catch (FileError e) {
                err.println("cc: error: " + e.getMessage());
                failed = true;
            }
        }
        if (failed) return 1;
        if (o.compileOnly || o.assemblyOnly || o.preprocessOnly) return 0;
        try {
            if (!o.noStdlib) {
                List<ObjectFile> start = new ArrayList<>();
                for (String p : startFiles) start.add(ObjectFormat.read(p, read(p, Limits.MAX_OBJECT_FILE_BYTES)));
                objects.addAll(0, start);
            }
            for (String lib : o.libs) archives.add(findLibrary(lib, o.libDirs));
            if (!o.noStdlib) {
                for (String p : standardLibraries) archives.add(Archive.read(p, read(p, Limits.MAX_OBJECT_FILE_BYTES)));
            }
            byte[] exe = ExecutableFormat.write(new Linker().link(objects, archives));
            write(o.output != null ? o.output : "a.out", exe, true);
            return 0;
        } catch (LinkException e) {
            // The linker's messages start "ld: "; the driver says so once, as "ld: error: ".
            for (String m : e.messages()) err.println("ld: error: " + (m.startsWith("ld: ") ? m.substring(4) : m));
            return 1;
        } catch (FormatException e) {
            err.println("cc: error: " + e.getMessage());
            return 1;
        } catch (FileError e) {
            err.println("cc: error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Handles one input: writes what -E, -S or -c ask for, and returns the object to link
     * (null for archives and when nothing is linked).
     */
    private ObjectFile translate(String input, Options o, Preprocessor pp, PrintWriter out, PrintWriter err)
            throws FileError, CompileException, FormatException {
        if (input.endsWith(".c")) {
            String assembly = compile(input, o, pp, out, err);
            if (assembly == null) return null;
            return finishObject(input, Assembler.assemble(Compiler.asmName(input), assembly), o);
        }
        if (input.endsWith(".s")) {
            if (o.assemblyOnly || o.preprocessOnly) return null;
            String source = new String(read(input, Limits.MAX_ASSEMBLY_BYTES), StandardCharsets.UTF_8);
            return finishObject(input, Assembler.assemble(input, source), o);
        }
        if (input.endsWith(".o")) return o.compileOnly ? null : ObjectFormat.read(input, read(input, Limits.MAX_OBJECT_FILE_BYTES));
        if (input.endsWith(".a")) return null;
        throw CompileException.of(input, "file format not recognized (expected .c, .s, .o or .a)");
    }

    /**
     * Preprocesses and compiles the C file {@code input}; returns its assembly, or null when
     * -E or -S asked for no more (after writing what they asked for). The tokens and the
     * syntax tree are dropped before the caller assembles, so they never share the heap.
     */
    private String compile(String input, Options o, Preprocessor pp, PrintWriter out, PrintWriter err)
            throws FileError, CompileException {
        String source = new String(read(input, Limits.MAX_SOURCE_BYTES), StandardCharsets.UTF_8);
        List<Token> tokens = pp.preprocess(input, source);
        warn(pp.warnings(), o, err);
        if (o.preprocessOnly) {
            String text = Preprocessor.render(tokens);
            if (o.output != null) write(o.output, text.getBytes(StandardCharsets.UTF_8), false);
            else out.print(text);
            return null;
        }
        Compiler.Result r = Compiler.compile(input, tokens);
        warn(r.warnings(), o, err);
        if (!o.assemblyOnly) return r.assembly();
        write(o.output != null ? o.output : baseName(input) + ".s", r.assembly().getBytes(StandardCharsets.UTF_8), false);
        return null;
    }

    private ObjectFile finishObject(String input, ObjectFile obj, Options o) throws FileError {
        if (!o.compileOnly) return obj;
        write(o.output != null ? o.output : baseName(input) + ".o", ObjectFormat.write(obj), false);
        return null;
    }

    /** The library {@code -l lib}: the first -L directory holding lib{@code lib}.a. */
    private Archive findLibrary(String lib, List<String> dirs) throws FileError, FormatException {
        for (String d : dirs) {
            String p = IncludeResolver.join(d, "lib" + lib + ".a");
            if (files.isFile(p)) return Archive.read(p, read(p, Limits.MAX_OBJECT_FILE_BYTES));
        }
        throw new FileError("cannot find -l" + lib); // as ld says it
    }

    /** The bytes of {@code path}, at most {@code limit} of them. */
    private byte[] read(String path, int limit) throws FileError {
        try {
            return files.read(path, limit);
        } catch (IOException e) {
            throw new FileError(path + ": " + e.getMessage());
        }
    }

    /** Creates {@code path} holding {@code data}, with gcc's messages if that fails. */
    private void write(String path, byte[] data, boolean executable) throws FileError {
        OutputStream stream;
        try {
            stream = files.create(path, executable);
        } catch (IOException e) {
            throw new FileError("cannot open output file " + path + ": " + e.getMessage());
        }
        try (OutputStream s = stream) {
            s.write(data);
        } catch (IOException e) {
            throw new FileError("cannot write output file " + path + ": " + e.getMessage());
        }
    }

    /** "dir/hello.c" becomes "hello": gcc writes -S and -c outputs to the current directory. */
    private static String baseName(String input) {
        String name = input.substring(input.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Prints the warnings unless -w. With -Werror they fail the compilation instead, as
     * errors (clang's "[-Werror]" form), counted in the "N errors generated." line.
     */
    private static void warn(List<Diagnostic> warnings, Options o, PrintWriter err) throws CompileException {
        if (o.noWarnings || warnings.isEmpty()) return;
        if (!o.warningsAreErrors) {
            printAll(warnings, err);
            return;
        }
        List<Diagnostic> errors = new ArrayList<>();
        for (Diagnostic w : warnings) {
            boolean warning = w.severity() == Diagnostic.Severity.WARNING;
            errors.add(!warning ? w : new Diagnostic(w.file(), w.line(), w.column(), Diagnostic.Severity.ERROR,
                    w.message() + " [-Werror]", w.sourceLine()));
        }
        throw new CompileException(errors);
    }

    private static void printAll(List<Diagnostic> diagnostics, PrintWriter err) {
        for (Diagnostic d : diagnostics) err.print(d.render());
    }
}
