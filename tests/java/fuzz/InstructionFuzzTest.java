package fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import boot.Options;
import java.util.Random;
import obj.Executable;
import org.junit.jupiter.api.Test;
import vm.RandomWords;

/**
 * Random instruction streams run as guest processes under the kernel: the registers are
 * loaded with pointers into the program's data, its code and its stack, with limits and
 * random values, and then thousands of random words execute. Whatever they do (fault, trap,
 * jump anywhere, make system calls with whatever is in the registers, loop until the cycle
 * limit) the kernel must turn it into a signal or an errno, never a Java exception or a
 * hang, and leak nothing. The same seed must print the same bytes.
 *
 * <p>So that one bad word does not end the run, the program first installs a handler for
 * the fault signals on an alternate stack (random words clobber sp): it steps the saved pc
 * over the faulting word, or, when the pc has left the words, to the exit at their end,
 * and returns through rt_sigreturn. The words can undo this (block the signals, unmap the
 * handler, change the actions); then the kernel's forced signal ends the process, which is
 * fine too.
 */
class InstructionFuzzTest {
    /** Seeds tried in every run; -Dclonix.fuzz.seconds=N adds more (see FuzzBudget). */
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

    /** Register values worth starting from, besides random ones and the labels below. */
    private static final long[] VALUES = {
        0, 1, -1, 8, 4096, 0x7ffffffff000L, 0x800000000000L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL,
    };
    private static final String[] LABELS = {"buf", "buf+4088", "bufend-8", "bufend", "_start", "words"};

    @Test
    void randomInstructionsInAGuestEndInASignalOrAnExitAndLeakNothing() {
        FuzzBudget.forEachSeed(SEEDS, InstructionFuzzTest::run);
    }

    @Test
    void theSameSeedPrintsTheSameBytes() {
        assertEquals(run(5).output(), run(5).output());
    }

    /**
     * sigaltstack(64 KiB), then rt_sigaction(SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_NODEFER)
     * for SIGILL, SIGTRAP, SIGBUS, SIGFPE and SIGSEGV.
     */
    private static final String HANDLER_SETUP = """
                    .text
                    .globl _start
            _start: la      a0, altstack
                    li      a1, 0
                    li      a7, 131
                    syscall
                    li      s1, 4
            .Lact:  mv      a0, s1
                    la      a1, action
                    li      a2, 0
                    li      a3, 8
                    li      a7, 13
                    syscall
                    addi    s1, s1, 1
                    li      t0, 12
                    bne     s1, t0, .Lact
            """;

    /** The handler: a2 is the ucontext, whose saved pc is at 40 + 8 * 32. */
    private static final String HANDLER = """
            skip:   ld      t0, 296(a2)
                    la      t1, words
                    la      t2, words_end
                    blt     t0, t1, .Lout
                    bge     t0, t2, .Lout
                    addi    t0, t0, 8
                    sd      t0, 296(a2)
                    ret
            .Lout:  sd      t2, 296(a2)
                    ret
            restore: li     a7, 15
                    syscall
                    .data
            action: .quad   skip, 0x4c000004, restore, 0
            altstack: .quad stack, 0, 65536
                    .bss
                    .balign 16
            stack:  .zero   65536
            """;

    /** The program for {@code seed}: set the registers, then 4,000 random words, then exit. */
    static String program(long seed) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder(HANDLER_SETUP);
        for (int reg = 1; reg < 32; reg++) {
            if (reg == 2) continue; // sp: the kernel's stack, a good pointer already
            switch (r.nextInt(3)) {
                case 0 -> s.append("        la      r").append(reg).append(", ").append(LABELS[r.nextInt(LABELS.length)]).append('\n');
                case 1 -> s.append("        li      r").append(reg).append(", ").append(VALUES[r.nextInt(VALUES.length)]).append('\n');
                default -> s.append("        li      r").append(reg).append(", ").append(r.nextLong()).append('\n');
            }
        }
        s.append("words:\n");
        for (int i = 0; i < 4000; i++) {
            s.append("        .quad   ").append(RandomWords.word(r, () -> VALUES[r.nextInt(VALUES.length)])).append('\n');
        }
        s.append("words_end:\n        li      a0, 0\n        li      a7, 231\n        syscall\n");
        s.append(HANDLER);
        s.append("        .data\n        .balign 4096\nbuf:    .zero   16384\nbufend:\n");
        return s.toString();
    }

    private static GuestRun.Result run(long seed) {
        Options options = Options.defaults().withMemory(32L << 20).withMaxTasks(64).withCycleLimit(5_000_000);
        try {
            Executable exe = GuestRun.link(program(seed), "words" + seed + ".s");
            return GuestRun.runExecutable(options, exe, "words");
        } catch (Throwable t) {
            throw new AssertionError("seed " + seed + ": " + t, t);
        }
    }
}
