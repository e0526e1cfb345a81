package signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import boot.GuestRun;
import boot.Options;
import org.junit.jupiter.api.Test;

/**
 * A handler that interrupts user code resumes it exactly where it was: the frame holds the
 * registers the code had at that instruction (not those of its last system call), and
 * rt_sigreturn puts every one back, whatever its value; an a0 that happens to equal -512 (the
 * kernel's internal "this call blocked" result) must come back as a plain register, not make
 * the kernel rewind the program or put it to sleep.
 */
class SigreturnRegistersTest {
    /**
     * A program whose parent installs a SIGUSR1 handler (with the SA_RESTORER trampoline),
     * forks, and runs {@code parent}, which exits with 0 or jumps to .Lfail (status 1). The
     * child first counts down {@code delay} loop turns, so that the parent is well into its
     * code, then sends the parent SIGUSR1 and exits. {@code handler} is the handler's body
     * before its ret; both may use the 32-bit word {@code shared} in .data, which starts at 0.
     */
    private static String signalledProgram(String parent, String handler, int delay) {
        return """
                        .text
                        .globl  _start
                _start: li      a7, 13                  # rt_sigaction(SIGUSR1, &act, NULL, 8)
                        li      a0, 10
                        la      a1, act
                        li      a2, 0
                        li      a3, 8
                        syscall
                        bne     a0, zero, .Lfail
                        li      a7, 39                  # getpid()
                        syscall
                        mv      s1, a0
                        li      a7, 57                  # fork()
                        syscall
                        beq     a0, zero, .Lchild
                %s
                .Lchild:
                        li      t0, %d                  # give the parent time to get into its code
                .Ldelay:addi    t0, t0, -1
                        bne     t0, zero, .Ldelay
                        li      a7, 62                  # kill(parent, SIGUSR1)
                        mv      a0, s1
                        li      a1, 10
                        syscall
                        li      a0, 0
                        call    sys_exit
                .Lfail: li      a0, 1
                        call    sys_exit
                handler:
                %s
                        ret
                restore:
                        li      a7, 15                  # rt_sigreturn()
                        syscall
                        .data
                        .align  8
                act:    .quad   handler, 0x04000000, restore, 0   # SA_RESTORER
                shared: .word   0
                """.formatted(parent, delay, handler);
    }

    /**
     * The parent spins with a0 = -512 until the handler sets the shared word. Exit status 0 if
     * a0 survived and the spin ended.
     */
    private static final String PROGRAM = signalledProgram("""
                    la      t1, shared
                    li      a0, -512
            .Lspin: lw      t0, 0(t1)
                    beq     t0, zero, .Lspin
                    li      t0, -512
                    bne     a0, t0, .Lfail
                    li      a0, 0
                    call    sys_exit
            """, """
                    la      t0, shared
                    li      t1, 1
                    sw      t1, 0(t0)
            """, 20000);

    /**
     * The parent adds 1 to the shared word 200,000 times with fetch-and-add (the loop count
     * in a register, no system calls) while the handler does nothing. Exit status 0 if the
     * word is exactly 200,000: resuming from registers older than the interrupted instruction
     * would run part of the loop twice.
     */
    private static final String COUNTER = signalledProgram("""
                    la      t1, shared
                    li      s2, 200000
                    li      t2, 1
            .Lloop: faa.w   t0, t2, 0(t1)           # shared += 1 in memory, whatever t0 held
                    addi    s2, s2, -1
                    bne     s2, zero, .Lloop
                    lw      t0, 0(t1)
                    li      t3, 200000
                    bne     t0, t3, .Lfail
                    li      a0, 0
                    call    sys_exit
            """, "", 30000);

    @Test
    void aHandlerResumesUserCodeAtTheInstructionItInterrupted() throws Exception {
        for (long seed : new long[] {1, 2, 3}) {
            GuestRun.Result r = GuestRun.runExecutable(Options.defaults().withCpus(2).withSeed(seed),
                    GuestRun.link(COUNTER, "counter.s"), "counter");
            assertEquals(0, r.status(), "seed " + seed + ": " + r.output());
        }
    }

    @Test
    void anA0OfMinus512SurvivesAHandler() throws Exception {
        for (long seed : new long[] {1, 2, 3}) {
            GuestRun.Result r = GuestRun.runExecutable(Options.defaults().withCpus(2).withSeed(seed),
                    GuestRun.link(PROGRAM, "sigret.s"), "sigret");
            assertEquals(0, r.status(), "seed " + seed + ": " + r.output());
        }
    }
}
