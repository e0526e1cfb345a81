# exit_group.s: with argv[1] = "main", the main thread calls exit_group(5) while a thread
# spins; with "thread", the thread calls exit_group(9) while the main thread spins. Either
# way every thread dies and the process's status is the group exit code.
        .text
        .globl  _start
_start: ld      t0, 16(sp)
        lbu     s3, 0(t0)               # 'm' or 't'
        li      a7, 56
        li      a0, 0x10f00             # CLONE_VM|FS|FILES|SIGHAND|THREAD
        la      a1, stack_top
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, thread
        li      t0, 109                 # 'm'
        bne     s3, t0, spin
        li      a0, 5
        call    sys_exit
thread: li      t0, 116                 # 't'
        bne     s3, t0, spin
        li      a0, 9
        call    sys_exit
spin:   j       spin

        .bss
        .align  16
stack:  .zero   4096
stack_top:
