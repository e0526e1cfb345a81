# reparent_thread.s: a thread forks a child and exits. The child is handed to another live
# thread of the group (the main thread), not to init: after joining the thread, the main
# thread's wait4(-1, &st, __WNOTHREAD) (its own children only) reaps it. Prints "1 768".
        .text
        .globl  _start
_start: li      a7, 56                  # a thread with CLONE_CHILD_CLEARTID
        li      a0, 0x210f00
        la      a1, stack_top
        li      a2, 0
        la      a3, ctid
        li      a4, 0
        syscall
        beq     a0, zero, thread
.Ljoin: la      t0, ctid
        lw      a2, 0(t0)
        beq     a2, zero, .Ljoined
        li      a7, 202
        la      a0, ctid
        li      a1, 0
        li      a3, 0
        syscall
        j       .Ljoin
.Ljoined:
        li      a7, 61                  # wait4(-1, &st, __WNOTHREAD, 0)
        li      a0, -1
        la      a1, st
        li      a2, 0x20000000
        li      a3, 0
        syscall
        la      t0, kid
        ld      t0, 0(t0)
        seq     a0, a0, t0
        call    putnum
        li      a0, 32
        call    putc
        la      t0, st
        lw      a0, 0(t0)
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit

thread: li      a7, 57                  # fork: the child belongs to this thread
        syscall
        beq     a0, zero, child
        la      t0, kid
        sd      a0, 0(t0)
        li      a7, 60                  # exit this thread only
        li      a0, 0
        syscall
child:  li      a7, 35                  # sleep 1 ms, then exit 3
        la      a0, ts
        li      a1, 0
        syscall
        li      a7, 60
        li      a0, 3
        syscall

        .rodata
        .align  8
ts:     .quad   0, 1000000
        .data
        .align  8
ctid:   .word   -1, 0
kid:    .quad   0
st:     .quad   0
        .bss
        .align  16
stack:  .zero   4096
stack_top:
