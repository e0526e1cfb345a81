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
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cc} command on the host file system, with the options students know from gcc:
 *
 * <pre>
 *   cc [-I dir] [-D name[=value]] [-U name] [-c] [-S] [-E] [-o out] [-L dir] [-l lib] [-nostdlib] files...
 * </pre>
 *
 * Inputs are .c (preprocessed and compiled), .s (assembled), .o (object files) and .a
 * (archives). -E prints the preprocessed tokens, -S writes NAME.s, -c writes NAME.o, and
 * otherwise everything is linked with {@code ld.Linker} (entry {@code _start}) into
 * {@code a.out} or the -o file. Paths are relative to the working directory given to the
 * constructor. Diagnostics go to {@code err} as clang prints them.
 */
public final class Driver {
    private final Path workingDir;
    private final List<Path> systemIncludeDirs;
    /** Objects linked before the user's (crt0) and archives after them (libc), unless -nostdlib. */
    private List<Path> startFiles = List.of();
    private List<Path> standardLibraries = List.of();

    /**
     * A driver resolving relative paths against {@code workingDir} and searching
     * {@code systemIncludeDirs} for {@code <...>} includes.
     */
    public Driver(Path workingDir, List<Path> systemIncludeDirs) {
        this.workingDir = workingDir;
        this.systemIncludeDirs = List.copyOf(systemIncludeDirs);
    }

    /** A driver for the project at {@code projectRoot}: system headers in userland/include. */
    public static Driver forProject(Path projectRoot, Path workingDir) {
        return new Driver(workingDir, List.of(projectRoot.resolve("userland").resolve("include")));
    }

    /**
     * Sets what every link adds, as gcc adds crt1.o and libc: {@code startFiles} (object
     * files) go before the user's inputs, {@code libraries} (archives) after them. The
     * option -nostdlib leaves both out. Returns this driver.
     */
    public Driver standardLink(List<Path> startFiles, List<Path> libraries) {
        this.startFiles = List.copyOf(startFiles);
        this.standardLibraries = List.copyOf(libraries);
        return this;
    }

    /** Runs {@code cc args} with the project in the current directory; returns the exit status. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Path here = Path.of("").toAbsolutePath();
        return forProject(here, here).execute(args, out, err);
    }

    /** The parsed command line. */
    private static final class Options {
        final List<Path> includeDirs = new ArrayList<>();
        final List<String> defines = new ArrayList<>();
        final List<Path> libDirs = new ArrayList<>();
        final List<String> libs = new ArrayList<>();
        final List<String> inputs = new ArrayList<>();
        boolean compileOnly, assemblyOnly, preprocessOnly, noStdlib;
        String output;
    }

    /** Runs {@code cc args}; returns 0 on success, 1 if anything failed. */
    public int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            Options o = parse(args, err);
            if (o == null) return 1;
            return build(o, out, err);
        } catch (RuntimeException | StackOverflowError e) {
            err.println("cc: internal compiler error: " + e);
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
                        case "-I" -> o.includeDirs.add(resolve(value));
                        case "-D" -> o.defines.add("-D" + value);
                        case "-U" -> o.defines.add("-U" + value);
                        case "-L" -> o.libDirs.add(resolve(value));
                        case "-l" -> o.libs.add(value);
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
                case "-c" -> o.compileOnly = true;
                case "-S" -> o.assemblyOnly = true;
                case "-E" -> o.preprocessOnly = true;
                default -> {
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

    private Path resolve(String p) {
        return workingDir.resolve(p);
    }

    private int build(Options o, PrintWriter out, PrintWriter err) {
        Preprocessor pp = new Preprocessor(o.includeDirs, systemIncludeDirs, o.defines, new RelativeReader());
        List<ObjectFile> objects = new ArrayList<>();
        List<Archive> archives = new ArrayList<>();
        boolean failed = false;
        for (String input : o.inputs) {
            try {
                ObjectFile obj = translate(input, o, pp, out, err);
                if (obj != null) objects.add(obj);
                if (input.endsWith(".a")) archives.add(Archive.read(input, read(input)));
            } catch (CompileException e) {
                err.print(e.render());
                failed = true;
            } catch (FormatException e) {
                err.println("cc: error: " + e.getMessage());
                failed = true;
            } catch (IOException e) {
                err.println("cc: error: " + input + ": " + describe(e));
                failed = true;
            }
        }
        if (failed) return 1;
        if (o.compileOnly || o.assemblyOnly || o.preprocessOnly) return 0;
        try {
            if (!o.noStdlib) {
                List<ObjectFile> start = new ArrayList<>();
                for (Path p : startFiles) start.add(ObjectFormat.read(p.toString(), Files.readAllBytes(p)));
                objects.addAll(0, start);
            }
            for (String lib : o.libs) archives.add(findLibrary(lib, o.libDirs));
            if (!o.noStdlib) {
                for (Path p : standardLibraries) archives.add(Archive.read(p.toString(), Files.readAllBytes(p)));
            }
            byte[] exe = ExecutableFormat.write(new Linker().link(objects, archives));
            Files.write(resolve(o.output != null ? o.output : "a.out"), exe);
            return 0;
        } catch (LinkException e) {
            for (String m : e.messages()) err.println("ld: error: " + m);
            return 1;
        } catch (FormatException e) {
            err.println("cc: error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cc: error: " + describe(e));
            return 1;
        }
    }

    /**
     * Handles one input: writes what -E, -S or -c ask for, and returns the object to link
     * (null for archives and when nothing is linked).
     */
    private ObjectFile translate(String input, Options o, Preprocessor pp, PrintWriter out, PrintWriter err)
            throws IOException, CompileException, FormatException {
        if (input.endsWith(".c")) {
            String source = new String(read(input), StandardCharsets.UTF_8);
            List<Token> tokens = pp.preprocess(input, source);
            printAll(pp.warnings(), err);
            if (o.preprocessOnly) {
                String text = Preprocessor.render(tokens);
                if (o.output != null) Files.writeString(resolve(o.output), text);
                else out.print(text);
                return null;
            }
            Compiler.Result r = Compiler.compile(input, tokens);
            printAll(r.warnings(), err);
            if (o.assemblyOnly) {
                Files.writeString(resolve(o.output != null ? o.output : baseName(input) + ".s"), r.assembly());
                return null;
            }
            return finishObject(input, Assembler.assemble(Compiler.asmName(input), r.assembly()), o);
        }
        if (input.endsWith(".s")) {
            if (o.assemblyOnly || o.preprocessOnly) return null;
            String source = new String(read(input), StandardCharsets.UTF_8);
            return finishObject(input, Assembler.assemble(input, source), o);
        }
        if (input.endsWith(".o")) return o.compileOnly ? null : ObjectFormat.read(input, read(input));
        if (input.endsWith(".a")) return null;
        throw CompileException.of(input, "file format not recognized (expected .c, .s, .o or .a)");
    }

    private ObjectFile finishObject(String input, ObjectFile obj, Options o) throws IOException {
        if (!o.compileOnly) return obj;
        Files.write(resolve(o.output != null ? o.output : baseName(input) + ".o"), ObjectFormat.write(obj));
        return null;
    }

    private Archive findLibrary(String lib, List<Path> dirs) throws IOException, FormatException {
        for (Path d : dirs) {
            Path p = d.resolve("lib" + lib + ".a");
            if (Files.isRegularFile(p)) return Archive.read(p.toString(), Files.readAllBytes(p));
        }
        throw new IOException("unable to find library -l" + lib);
    }

    /**
     * Reads the host file system with relative paths taken from the working directory, so
     * file names stay as the user typed them in diagnostics and listings.
     */
    private final class RelativeReader implements SourceReader {
        private final HostSourceReader host = new HostSourceReader();

        @Override
        public String read(String path) throws IOException {
            return host.read(resolve(path).toString());
        }

        @Override
        public boolean exists(String path) {
            return host.exists(resolve(path).toString());
        }
    }

    private byte[] read(String input) throws IOException {
        return Files.readAllBytes(resolve(input));
    }

    /** "dir/hello.c" becomes "hello": gcc writes -S and -c outputs to the current directory. */
    private static String baseName(String input) {
        String name = Path.of(input).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void printAll(List<Diagnostic> diagnostics, PrintWriter err) {
        for (Diagnostic d : diagnostics) err.print(d.render());
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
