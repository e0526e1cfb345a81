# getpid_loop.s ITERATIONS: calls getpid ITERATIONS times in a loop and exits 0. About the
# cheapest system call there is, so the host cost per iteration is the system-call path
# itself: the trap, the dispatch through the table, the return to user mode. The
# system-call benchmark (bench.SchedBench) divides the host CPU time and the bytes the
# host thread allocated between a run of 1 and a run of ITERATIONS by the difference.
        .text
        .globl  _start
_start: ld      a0, 16(sp)              # argv[1]: iterations
        call    atoi
        mv      s1, a0
.Lloop: beq     s1, zero, .Ldone
        li      a7, 39                  # getpid()
        syscall
        addi    s1, s1, -1
        j       .Lloop
.Ldone: li      a0, 0
        li      a7, 231                 # exit_group(0)
        syscall
