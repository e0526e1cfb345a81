package vm;

import static vm.Isa.*;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measures the interpreter: guest instructions per second on one CPU for (a) an arithmetic
 * loop and (b) a memory-heavy loop whose loads and stores go through the TLB. docs/PERFORMANCE.md
 * records the method and the figures; {@code ./clonix bench interp} calls {@link #run()}.
 *
 * <p>Each workload is built from {@link Isa#encode} words (no assembler needed), warmed up so
 * that HotSpot has compiled {@link Cpu#run}, then timed for several repetitions of a fixed
 * number of instructions, executed in bursts as the kernel's scheduler would issue them.
 * Host time is read here only; nothing guest-visible depends on it.
 */
public final class InterpreterBench {
    private InterpreterBench() {}

    /** Default instructions per timed repetition, repetitions and burst length. */
    public static final long DEFAULT_INSTRUCTIONS = 500_000_000L;
    public static final int DEFAULT_REPETITIONS = 5;
    public static final long BURST = 100_000;

    static final long CODE = 0x400000, DATA = 0x10000000;
    static final int DATA_PAGES = 16;

    /** Prints the report of {@link #run(long, int)}; optional args: instructions, repetitions. */
    public static void main(String[] args) {
        long n = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_INSTRUCTIONS;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_REPETITIONS;
        System.out.print(run(n, reps));
    }

    /** The benchmark with default sizes (about 20 s); returns the report text. */
    public static String run() {
        return run(DEFAULT_INSTRUCTIONS, DEFAULT_REPETITIONS);
    }

    /**
     * Runs both workloads, {@code repetitions} timed runs of {@code instructions} guest
     * instructions each after a warm-up, and returns a report (several lines, ending in a
     * newline) with the median, minimum and maximum in millions of instructions per second.
     */
    public static String run(long instructions, int repetitions) {
        if (instructions <= 0 || repetitions <= 0) throw new IllegalArgumentException("nothing to measure");
        Cpu arith = setUp(arithLoop()), memory = setUp(memoryLoop());
        // Warm up with both workloads in turn, so that HotSpot compiles Cpu.run with a profile
        // that has seen both, as it would in a real system running many programs. (Warmed up
        // on one workload alone, that workload runs faster than it would in practice.)
        for (int i = 0; i < 4; i++) {
            execute(arith, Math.min(instructions, 100_000_000L));
            execute(memory, Math.min(instructions, 100_000_000L));
        }
        double[] a = new double[repetitions], m = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            a[r] = mips(arith, instructions);
            m[r] = mips(memory, instructions);
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "interpreter: %d x %,d instructions per workload, bursts of %,d%n",
                repetitions, instructions, BURST));
        out.append(line("arith  (10 ALU + counter + branch)", a, 12));
        out.append(line("memory (5 of 12 are loads/stores)", m, 12));
        return out.toString();
    }

    private static String line(String name, double[] mips, int perIteration) {
        double[] s = mips.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        return String.format(Locale.ROOT, "  %-36s median %6.1f M instr/s  (min %.1f, max %.1f)  = %.1f M iterations/s%n",
                name, median, s[0], s[s.length - 1], median / perIteration);
    }

    /** Times {@code instructions} instructions on {@code cpu}; millions of instructions per second. */
    private static double mips(Cpu cpu, long instructions) {
        long t0 = System.nanoTime();
        execute(cpu, instructions);
        long t1 = System.nanoTime();
        return instructions * 1e3 / (t1 - t0);
    }

    /** Runs exactly {@code instructions} instructions in bursts, as the scheduler would. */
    private static void execute(Cpu cpu, long instructions) {
        for (long left = instructions; left > 0; ) {
            long n = cpu.run(Math.min(BURST, left));
            if (cpu.trap() != null) throw new IllegalStateException("benchmark trapped: " + cpu.trap());
            left -= n;
        }
    }

    /** A CPU with {@code program} mapped read-execute at CODE and DATA_PAGES of data at DATA. */
    static Cpu setUp(long[] program) {
        PhysicalMemory phys = PhysicalMemory.ofFrames(64);
        AddressSpace mm = new AddressSpace(phys);
        long codePages = (program.length * 8L + 4095) / 4096;
        mm.map(CODE, codePages, Pte.READ | Pte.EXEC);
        byte[] frame = phys.data(Pte.frame(mm.pte(CODE)));
        for (int i = 0; i < program.length; i++) LittleEndian.store(frame, i * 8, 8, program[i]);
        mm.map(DATA, DATA_PAGES, Pte.READ | Pte.WRITE);
        Cpu cpu = new Cpu(0);
        Context ctx = new Context();
        ctx.pc = CODE;
        cpu.loadContext(ctx, mm);
        return cpu;
    }

    /** 12 instructions per iteration: 10 ALU operations, a counter and a branch. */
    static long[] arithLoop() {
        return new long[] {
            encode(LI, T0, 0, 0, -1),       // counter: 2^64 iterations, so it never ends
            encode(LI, A1, 0, 0, 7),
            // loop:
            encode(ADD, A0, A0, A1, 0),
            encode(XOR, A1, A1, A0, 0),
            encode(SLLI, A2, A0, 0, 3),
            encode(SUB, A3, A2, A1, 0),
            encode(AND, A4, A3, A0, 0),
            encode(OR, A5, A4, A2, 0),
            encode(SRLI, A6, A5, 0, 7),
            encode(ADDI, A0, A0, 0, 13),
            encode(SLTU, A7, A6, A3, 0),
            encode(ADD, A1, A1, A7, 0),
            encode(ADDI, T0, T0, 0, -1),
            encode(BNE, 0, T0, ZERO, -11 * 8),
        };
    }

    /**
     * 12 instructions per iteration, 5 of them loads or stores, walking a 64 KiB array
     * (16 pages) 16 bytes at a time and wrapping around.
     */
    static long[] memoryLoop() {
        int s2 = 19, s3 = 20;
        return new long[] {
            encode(LI, s2, 0, 0, (int) DATA),
            encode(LI, s3, 0, 0, DATA_PAGES * 4096 - 16),
            encode(LI, S1, 0, 0, 1),
            // loop:
            encode(ADD, T0, s2, A0, 0),
            encode(LD, T1, T0, 0, 0),
            encode(LD, T2, T0, 0, 8),
            encode(ADD, S1, S1, T1, 0),
            encode(ADD, T3, T1, T2, 0),
            encode(SD, 0, T0, T3, 0),
            encode(SW, 0, T0, S1, 8),
            encode(LW, T4, T0, 0, 12),
            encode(ADD, S1, S1, T4, 0),
            encode(ADDI, A0, A0, 0, 16),
            encode(AND, A0, A0, s3, 0),
            encode(JAL, ZERO, 0, 0, -11 * 8),
        };
    }
}
