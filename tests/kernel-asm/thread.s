# thread.s: a thread made the NPTL way, with
#   CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID (0x3d0f00).
# The thread prints its pid, whether its tid differs, and its tp (the tls argument), then
# exit()s alone. The main thread sleeps on the CLEARTID word with FUTEX_WAIT until the
# kernel clears it and wakes it (that is pthread_join), checks PARENT_SETTID stored the
# tid, and shows that the thread was no child of it: wait4(-1, __WALL|WNOHANG) is ECHILD.
        .text
        .globl  _start
_start: li      a7, 39
        syscall
        mv      s1, a0                  # our pid
        li      a7, 56                  # clone(flags, stack, &ptid, &ctid, tls = 0x1234)
        li      a0, 0x3d0f00
        la      a1, stack_top
        la      a2, ptid
        la      a3, ctid
        li      a4, 0x1234
        syscall
        beq     a0, zero, thread
        mv      s2, a0                  # the thread's tid
.Ljoin: la      t0, ctid                # while (ctid != 0) futex(&ctid, FUTEX_WAIT, ctid)
        lw      a2, 0(t0)
        beq     a2, zero, .Ljoined
        li      a7, 202
        la      a0, ctid
        li      a1, 0
        li      a3, 0
        syscall
        j       .Ljoin
.Ljoined:
        la      a0, joined
        call    puts
        la      t0, ptid                # PARENT_SETTID wrote the tid
        lw      t0, 0(t0)
        sub     a0, t0, s2
        call    putnum
        li      a0, 10
        call    putc
        li      a7, 61                  # wait4(-1, 0, WNOHANG|__WALL, 0)
        li      a0, -1
        li      a1, 0
        li      a2, 0x40000001
        li      a3, 0
        syscall
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 0
        call    sys_exit

thread: li      a7, 39                  # getpid: same as the main thread's
        syscall
        sub     a0, a0, s1
        call    putnum
        li      a0, 32
        call    putc
        li      a7, 186                 # gettid: not the pid
        syscall
        sne     a0, a0, s1
        call    putnum
        li      a0, 32
        call    putc
        mv      a0, tp
        call    putnum
        li      a0, 10
        call    putc
        li      a7, 60                  # exit(0): this thread only
        li      a0, 0
        syscall

        .rodata
joined: .asciz  "joined "
        .data
        .align  8
ptid:   .word   0
ctid:   .word   -1
        .bss
        .align  16
stack:  .zero   4096
stack_top:
