package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's guest loops compute exactly what their C versions in tests/bench compute
 * natively: a cross-check of the interpreter against gcc on x86-64. The expected checksums
 * are what {@code arith.c} and {@code memloop.c} print when run with "100000 1".
 */
class BenchmarkLoopsTest {
    static final long ITERATIONS = 100_000;

    @Test
    void arithmeticLoopMatchesItsCVersion() {
        Cpu cpu = InterpreterBench.setUp(InterpreterBench.arithLoop());
        assertEquals(2 + 12 * ITERATIONS, cpu.run(2 + 12 * ITERATIONS));
        assertNull(cpu.trap());
        assertEquals(0xa2ebba26ec6b53d9L, cpu.reg(Isa.A0) ^ cpu.reg(Isa.A1));
    }

    @Test
    void memoryLoopMatchesItsCVersion() {
        Cpu cpu = InterpreterBench.setUp(InterpreterBench.memoryLoop());
        assertEquals(3 + 12 * ITERATIONS, cpu.run(3 + 12 * ITERATIONS));
        assertNull(cpu.trap());
        assertEquals(0x448461fb86d59L, cpu.reg(Isa.S1));
    }

    @Test
    void benchmarkReportNamesBothWorkloads() {
        String report = InterpreterBench.run(2_000_000, 1);
        assertEquals(true, report.contains("arith"), report);
        assertEquals(true, report.contains("memory"), report);
        assertEquals(true, report.contains("M instr/s"), report);
    }
}
