package trace;

/** Guest programs for the consumer tests, in the assembly of tests/kernel-asm. */
final class SpinPrograms {
    private SpinPrograms() {}

    /** Forks, then parent and child each spin for about 2 * ITERATIONS cycles; the parent waits for the child. */
    static String twoSpinners(int iterations) {
        return """
                        .text
                        .globl  _start
                _start: li      a7, 57
                        syscall
                        mv      s3, a0
                        li      s1, %d
                .Lspin: addi    s1, s1, -1
                        bne     s1, zero, .Lspin
                        beq     s3, zero, .Lquit
                        li      a7, 61
                        li      a0, -1
                        li      a1, 0
                        li      a2, 0
                        li      a3, 0
                        syscall
                .Lquit: li      a0, 0
                        call    sys_exit
                """.formatted(iterations);
    }
}
