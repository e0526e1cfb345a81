# exec.s: execve's errors leave the program running; then a real execve with argv and a
# close-on-exec descriptor. Prints: -2 (ENOENT), -13 (EACCES: a directory), -14 (EFAULT:
# a bad argv), and then showfd's output: "hi", -9 (fd 5 was close-on-exec), "ok" (fd 6 was not).
        .text
        .globl  _start
_start: li      a7, 59                  # execve("/bin/nope", argv, 0)
        la      a0, nope
        la      a1, argv
        li      a2, 0
        syscall
        call    println
        li      a7, 59                  # execve("/tmp", argv, 0)
        la      a0, tmp
        la      a1, argv
        li      a2, 0
        syscall
        call    println
        li      a7, 59                  # execve("/bin/showfd", 8, 0): argv unreadable
        la      a0, showfd
        li      a1, 8
        li      a2, 0
        syscall
        call    println
        li      a7, 292                 # dup3(1, 5, O_CLOEXEC)
        li      a0, 1
        li      a1, 5
        li      a2, 0x80000
        syscall
        li      a7, 33                  # dup2(1, 6)
        li      a0, 1
        li      a1, 6
        syscall
        li      a7, 59                  # execve("/bin/showfd", argv, 0)
        la      a0, showfd
        la      a1, argv
        li      a2, 0
        syscall
        li      a0, 1                   # not reached
        call    sys_exit

println:
        addi    sp, sp, -16
        sd      ra, 0(sp)
        call    putnum
        li      a0, 10
        call    putc
        ld      ra, 0(sp)
        addi    sp, sp, 16
        ret

        .rodata
nope:   .asciz  "/bin/nope"
tmp:    .asciz  "/tmp"
showfd: .asciz  "/bin/showfd"
hi:     .asciz  "hi"
        .data
        .align  8
argv:   .quad   showfd, hi, 0
