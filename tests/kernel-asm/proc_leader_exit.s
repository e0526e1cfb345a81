# proc_leader_exit.s: the thread group leader exits (exit, not exit_group) while a second
# thread lives on, which makes the leader a zombie. The thread sleeps 1 ms of virtual time,
# prints /proc/self/status (the process: its zombie leader) and /proc/thread-self/status
# (itself), and ends the process with exit_group(0).
        .text
        .globl  _start
_start: li      a7, 56                  # clone(VM | FS | FILES | SIGHAND | THREAD, stack)
        li      a0, 0x10f00
        la      a1, stack_top
        li      a2, 0
        li      a3, 0
        li      a4, 0
        syscall
        beq     a0, zero, thread
        li      a7, 60                  # exit(0): only the leader
        li      a0, 0
        syscall

thread: li      a7, 35                  # nanosleep(&one_ms, NULL)
        la      a0, one_ms
        li      a1, 0
        syscall
        la      a0, self_status
        call    cat_path
        la      a0, thread_self
        call    cat_path
        li      a0, 0
        call    sys_exit

        .rodata
self_status: .asciz "/proc/self/status"
thread_self: .asciz "/proc/thread-self/status"
        .data
        .align  8
one_ms: .quad   0, 1000000
        .bss
        .align  16
stack:  .zero   4096
stack_top:
