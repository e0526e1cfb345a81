# spin_share.s PROCESSES ITERATIONS: PROCESSES processes that each count down ITERATIONS
# times in a two-instruction loop and exit, while the first one waits for the others.
# With as many CPUs as processes, every CPU is busy with pure user-mode work until the end:
# the aggregate-rate benchmark (bench.SchedBench) divides the instructions they ran by the
# host time they took. Exits 0, or 2 if a fork failed.
        .text
        .globl  _start
_start: ld      a0, 16(sp)              # argv[1]: processes
        call    atoi
        mv      s1, a0
        ld      a0, 24(sp)              # argv[2]: iterations each
        call    atoi
        mv      s2, a0
        addi    s3, s1, -1              # children still to fork
.Lfork: beq     s3, zero, .Lspin
        li      a7, 57                  # fork()
        syscall
        blt     a0, zero, .Lfail
        beq     a0, zero, .Lspin        # a child spins at once
        addi    s3, s3, -1
        j       .Lfork
.Lspin: mv      t0, s2
.Lloop: addi    t0, t0, -1
        bne     t0, zero, .Lloop
        beq     s3, zero, .Lreap        # the parent (s3 = 0 after its fork loop) reaps
        li      a0, 0
        j       .Lexit
.Lreap: addi    s1, s1, -1              # wait4(-1, NULL, 0, NULL) for each child
        beq     s1, zero, .Ldone
        li      a7, 61
        li      a0, -1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        j       .Lreap
.Ldone: li      a0, 0
        j       .Lexit
.Lfail: li      a0, 2
.Lexit: li      a7, 231                 # exit_group(a0)
        syscall
