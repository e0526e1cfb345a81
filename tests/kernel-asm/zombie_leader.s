# zombie_leader.s: the main thread (the group leader) exit()s first. The other thread goes
# on: it sleeps 1 ms, prints its getpid (still the leader's pid) and getppid, and exits
# with exit_group(4): the process's status is 4, reported only now that the group is empty.
        .text
        .globl  _start
_start: li      a7, 56
        li      a0, 0x10f00
        la      a1, stack_top
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, thread
        li      a7, 60                  # exit(0): the leader alone
        li      a0, 0
        syscall

thread: li      a7, 35                  # nanosleep(&ts, 0)
        la      a0, ts
        li      a1, 0
        syscall
        li      a7, 39
        syscall
        call    putnum
        li      a0, 32
        call    putc
        li      a7, 110
        syscall
        call    putnum
        li      a0, 10
        call    putc
        li      a0, 4
        call    sys_exit

        .rodata
        .align  8
ts:     .quad   0, 1000000              # 1 ms
        .bss
        .align  16
stack:  .zero   4096
stack_top:
