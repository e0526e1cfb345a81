package cc;

import obj.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs each C compiler benchmark program (tests/ccbench/) once on a small input and checks
 * that it prints the checksum that the same source built by gcc -O0 on Linux x86-64 prints
 * ({@code gcc -O0 -o sieve tests/ccbench/sieve.c && ./sieve 2000}), so the benchmark never
 * measures a miscompiled program.
 */
class CompilerBenchProgramsTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "sieve, 2000, sieve 15997073651070620960",
        "loops, 2, loops 1570279324",
        "fib, 15, fib 610001863",
        "strings, 5, strings 1032654456851146256",
        "flops, 8, flops 97389369148988",
    })
    void benchmarkProgramPrintsGccsChecksum(String name, String size, String expected) throws Exception {
        Executable exe = CompilerBench.build(name);
        CompilerBench.Run run = CompilerBench.run(name, exe, size);
        assertEquals(expected + "\n", run.stdout(), name + " printed something else");
        assertEquals(0, run.status(), name + ": " + run.reason());
    }
}
