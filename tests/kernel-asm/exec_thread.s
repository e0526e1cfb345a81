# exec_thread.s: a non-leader thread execs /bin/showpid while the main thread spins. The
# spinning thread dies, and the exec'ing thread takes over the process's pid: showpid
# prints the same pid as the main thread printed, and its tid equals it.
        .text
        .globl  _start
_start: li      a7, 39
        syscall
        call    putnum
        li      a0, 10
        call    putc
        li      a7, 56
        li      a0, 0x10f00
        la      a1, stack_top
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, thread
spin:   j       spin
thread: li      a7, 59
        la      a0, path
        la      a1, argv
        li      a2, 0
        syscall
        li      a0, 1
        call    sys_exit
        .rodata
path:   .asciz  "/bin/showpid"
        .data
        .align  8
argv:   .quad   path, 0
        .bss
        .align  16
stack:  .zero   4096
stack_top:
