# yield_crowd.s THREADS: THREADS threads of one process that call sched_yield forever.
# The threads are made with clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|
# CLONE_SYSVSEM) on 256-byte stacks carved from one mmap, and first sleep on a futex gate so
# that creating them is not slowed by the crowd; when the last one exists, main opens the
# gate (FUTEX_WAKE of all) and yields with them. Every yield is one scheduling decision:
# the many-threads benchmark (bench.SchedBench) stops the run at two cycle limits and
# divides the host time between them by the context switches between them. It never
# exits on its own; exits 2 if mmap or clone fails.
        .text
        .globl  _start
_start: ld      a0, 16(sp)              # argv[1]: threads
        call    atoi
        mv      s1, a0
        li      a7, 9                   # mmap(NULL, threads * 256 + 4096, RW, PRIVATE|ANON, -1, 0)
        slli    a1, s1, 8
        addi    a1, a1, 2047
        addi    a1, a1, 2049
        li      a0, 0
        li      a2, 3
        li      a3, 0x22
        li      a4, -1
        li      a5, 0
        syscall
        blt     a0, zero, .Lfail
        mv      s2, a0                  # the next stack's low end
        mv      s3, s1
.Lclone:
        beq     s3, zero, .Lopen
        addi    s2, s2, 256
        li      a7, 56                  # clone(flags, child_stack = s2, NULL, NULL, 0)
        li      a0, 0x50f00             # VM|FS|FILES|SIGHAND 0xf00, THREAD 0x10000, SYSVSEM 0x40000
        mv      a1, s2
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        blt     a0, zero, .Lfail
        beq     a0, zero, .Lgate
        addi    s3, s3, -1
        j       .Lclone
.Lopen: la      t0, gate                # gate = 1; futex(&gate, FUTEX_WAKE_PRIVATE, INT_MAX)
        li      t1, 1
        sw      t1, 0(t0)
        li      a7, 202
        mv      a0, t0
        li      a1, 129
        li      a2, 0x7fffffff
        li      a3, 0
        syscall
        j       .Lyield
.Lgate: la      a0, gate                # while (gate == 0) futex(&gate, FUTEX_WAIT_PRIVATE, 0)
        lw      t1, 0(a0)
        bne     t1, zero, .Lyield
        li      a7, 202
        li      a1, 128
        li      a2, 0
        li      a3, 0
        syscall
        j       .Lgate
.Lyield:
        li      a7, 24                  # sched_yield()
        syscall
        j       .Lyield
.Lfail: li      a0, 2
        li      a7, 231                 # exit_group(2)
        syscall

        .data
        .align  4
gate:   .word   0
