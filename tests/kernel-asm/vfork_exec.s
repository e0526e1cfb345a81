# vfork_exec.s: a vfork child that execs releases its parent at the exec, not at its exit:
# the parent prints "parent" after the exec and before reaping the child (which prints
# its pid with sleepshow, 1 ms later): "parent" comes first.
        .text
        .globl  _start
_start: li      a7, 58
        syscall
        beq     a0, zero, child
        mv      s1, a0
        la      a0, parent
        call    puts
        addi    sp, sp, -16
        li      a7, 61
        mv      a0, s1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a0, 0
        call    sys_exit
child:  li      a7, 59
        la      a0, path
        la      a1, argv
        li      a2, 0
        syscall
        li      a7, 60                  # exec failed
        li      a0, 1
        syscall
        .rodata
parent: .asciz  "parent\n"
path:   .asciz  "/bin/sleepshow"
        .data
        .align  8
argv:   .quad   path, 0
