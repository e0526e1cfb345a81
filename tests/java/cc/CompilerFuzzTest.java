package cc;

import diag.CompileException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Random input never makes the compiler do anything but compile or report diagnostics:
 * token soup from a fixed seed for the parser, absurd nesting, and the whole driver on
 * mutated real programs and random bytes, each case within a time limit.
 */
class CompilerFuzzTest {
    private static final String[] PIECES = {
        "int", "char", "long", "unsigned", "struct", "union", "enum", "typedef", "static", "void", "const",
        "if", "else", "for", "while", "do", "switch", "case", "default", "break", "continue", "return", "goto",
        "sizeof", "x", "y", "f", "main", "s", "0", "1", "42", "'a'", "\"str\"", "(", ")", "{", "}", "[", "]",
        ";", ",", ":", "?", "=", "+=", "<<=", "+", "-", "*", "/", "%", "&", "&&", "|", "||", "^", "!", "~",
        "<", ">", "<=", "==", "!=", "->", ".", "++", "--", "...", "__sync_fetch_and_add", "__builtin_va_arg",
        "double", "float", "\n",
    };

    @Test
    void randomTokenSoupNeverCrashesTheCompiler() {
        Random rnd = new Random(20261124);
        for (int round = 0; round < 1500; round++) {
            StringBuilder sb = new StringBuilder();
            if (round % 2 == 0) sb.append("int main(void) { ");
            int n = 1 + rnd.nextInt(40);
            for (int i = 0; i < n; i++) sb.append(PIECES[rnd.nextInt(PIECES.length)]).append(' ');
            if (round % 2 == 0) sb.append(" }");
            try {
                Compiler.Result r = Compiler.compileSource("fuzz.c", sb.toString());
                // A program that compiles must also assemble.
                asm.Assembler.assemble("fuzz.s", r.assembly());
            } catch (CompileException e) {
                assertFalse(e.render().contains("internal compiler error"), sb + "\n" + e.render());
            }
        }
    }

    @Test
    void absurdNestingIsAnErrorNotACrash() {
        String src = "int x = " + "(".repeat(200_000) + "1" + ")".repeat(200_000) + ";\n";
        CompileException e = org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                () -> Compiler.compileSource("deep.c", src));
        diag.Diagnostic d = e.diagnostics().get(0);
        org.junit.jupiter.api.Assertions.assertEquals("deep.c: fatal error: program is nested too deeply for the compiler",
                d.toString().replace(":" + d.line() + ":" + d.column(), ""));
        org.junit.jupiter.api.Assertions.assertEquals(1, d.line(), "the error points into the source");
    }

    /** Stand-ins for a number: the extremes of every size, and array sizes at and over the limit. */
    private static final String[] NUMBERS = {
        "0", "-1", "1L << 40", "(1 << 30)", "((1 << 30) + 1)", "0x7fffffffffffffff", "18446744073709551615u",
        "2147483648", "-2147483648", "255", "65536", "(1L << 62)",
    };

    /** Per case, well above what any case needs: a case that takes longer is a hang. */
    private static final long CASE_SECONDS = 30;

    /**
     * The whole driver (preprocessor, compiler, assembler, linker) on the tests/c programs
     * mutated at random, and on random bytes: every case ends, in time, with object code or
     * with diagnostics, never a Java exception or error. A fixed list of seeds runs by
     * default; -Dclonix.fuzz.seconds=N goes on with further seeds (fuzz.FuzzBudget). A failure
     * names its seed and the input.
     */
    @Test
    void mutatedProgramsAndRandomBytesGiveOnlyDiagnostics() throws Exception {
        List<java.nio.file.Path> programs;
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(CProgramRunner.TESTS_C)) {
            programs = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        String printH = java.nio.file.Files.readString(CProgramRunner.TESTS_C.resolve("print.h"));
        String crt0 = java.nio.file.Files.readString(CProgramRunner.TESTS_C.resolve("rt/crt0.s"));
        java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "compiler fuzz case");
            t.setDaemon(true); // a case that hangs must not keep the test JVM alive
            return t;
        });
        try {
            fuzz.FuzzBudget.forEachSeed(java.util.stream.LongStream.range(0, 400).toArray(), seed -> {
                try {
                    fuzzCase(seed, programs, printH, crt0, worker);
                } catch (Exception e) {
                    throw new AssertionError("seed " + seed + ": " + e, e);
                }
            });
        } finally {
            worker.shutdownNow();
        }
    }

    /** One case of {@link #mutatedProgramsAndRandomBytesGiveOnlyDiagnostics}: seed {@code seed}'s input, in time, with diagnostics only. */
    private static void fuzzCase(long seed, List<java.nio.file.Path> programs, String printH, String crt0,
            java.util.concurrent.ExecutorService worker) throws Exception {
        Random rnd = new Random(seed);
        String base = java.nio.file.Files.readString(programs.get(rnd.nextInt(programs.size())));
        String source = mutate(base, rnd);
        PreprocessorMemoryReader files = new PreprocessorMemoryReader()
                .put("fuzz.c", source).put("print.h", printH).put("crt0.s", crt0);
        String[] args = switch (rnd.nextInt(4)) {
            case 0 -> new String[] {"-E", "fuzz.c"};
            case 1 -> new String[] {"-S", "fuzz.c"};
            case 2 -> new String[] {"-c", "fuzz.c"};
            default -> new String[] {"-nostdlib", "crt0.s", "fuzz.c", "-o", "fuzz"};
        };
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.concurrent.Future<Integer> run = worker.submit(() -> new Driver(files, List.of())
                .execute(args, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err)));
        int status;
        try {
            status = run.get(CASE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("seed " + seed + ": cc " + String.join(" ", args) + " still runs after "
                    + CASE_SECONDS + " s on:\n" + source);
        }
        String d = err.toString();
        boolean javaTrouble = d.contains("internal compiler error") || d.contains("internal assembler error")
                || d.contains("Exception") || d.contains("fatal error: out of memory") || d.contains("compiler's stack");
        assertFalse(javaTrouble || status < 0 || status > 1, "seed " + seed + ": cc " + String.join(" ", args)
                + " gave status " + status + ":\n" + d + "\non:\n" + source);
    }

    /**
     * {@code source} changed by one of: a few edits of its words (a number replaced by an
     * extreme one, most often, since that keeps the program valid; a word dropped, doubled
     * or replaced by a random piece; a stretch copied elsewhere); a few byte edits; or, one
     * time in eight, nothing but random bytes.
     */
    private static String mutate(String source, Random rnd) {
        int kind = rnd.nextInt(8);
        if (kind == 0) {
            byte[] b = new byte[rnd.nextInt(2000)];
            rnd.nextBytes(b);
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        if (kind == 1) {
            StringBuilder sb = new StringBuilder(source);
            for (int n = 1 + rnd.nextInt(4); n > 0 && sb.length() > 0; n--) {
                int at = rnd.nextInt(sb.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, (char) rnd.nextInt(128));
                    default -> sb.setCharAt(at, (char) rnd.nextInt(256));
                }
            }
            return sb.toString();
        }
        List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s+|\\w+|.").matcher(source);
        while (m.find()) words.add(m.group());
        for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
            int at = rnd.nextInt(words.size());
            switch (rnd.nextInt(6)) {
                case 0 -> words.remove(at);
                case 1 -> words.add(at, words.get(at) + " ");
                case 2 -> words.set(at, " " + PIECES[rnd.nextInt(PIECES.length)] + " ");
                case 3 -> {
                    int from = rnd.nextInt(words.size()), len = Math.min(1 + rnd.nextInt(40), words.size() - from);
                    words.addAll(at, new java.util.ArrayList<>(words.subList(from, from + len)));
                }
                default -> {
                    List<Integer> numbers = new java.util.ArrayList<>();
                    for (int i = 0; i < words.size(); i++) if (Character.isDigit(words.get(i).charAt(0))) numbers.add(i);
                    if (!numbers.isEmpty()) words.set(numbers.get(rnd.nextInt(numbers.size())), NUMBERS[rnd.nextInt(NUMBERS.length)]);
                }
            }
        }
        return String.join("", words);
    }
}
