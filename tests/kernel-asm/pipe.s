# pipe.s: argv[1] = "p": a child writes "ping\n" into a pipe; the parent's read sleeps until
# the data is there, prints it, and then reads end of file (0) once the child has gone.
# argv[1] = "s": writing to a pipe whose read end is closed kills the writer with SIGPIPE.
        .text
        .globl  _start
_start: ld      t0, 16(sp)
        lbu     s3, 0(t0)
        li      a7, 22                  # pipe(fds)
        la      a0, fds
        syscall
        la      t0, fds
        lw      s1, 0(t0)               # read end
        lw      s2, 4(t0)               # write end
        li      t0, 115                 # 's'
        bne     s3, t0, .Lping
        li      a7, 3                   # close(read end); write(write end): SIGPIPE
        mv      a0, s1
        syscall
        li      a7, 1
        mv      a0, s2
        la      a1, msg
        li      a2, 5
        syscall
        li      a0, 1                   # not reached
        call    sys_exit
.Lping: li      a7, 57
        syscall
        beq     a0, zero, child
        li      a7, 3                   # parent: close(write end)
        mv      a0, s2
        syscall
        li      a7, 0                   # read(read end, buf, 16): sleeps until the child writes
        mv      a0, s1
        la      a1, buf
        li      a2, 16
        syscall
        mv      a2, a0
        li      a7, 1
        li      a0, 1
        la      a1, buf
        syscall
.Ldrain:
        li      a7, 0                   # read until end of file
        mv      a0, s1
        la      a1, buf
        li      a2, 16
        syscall
        blt     zero, a0, .Ldrain
        mv      s4, a0
        la      a0, eof
        call    puts
        mv      a0, s4
        call    putnum
        li      a0, 10
        call    putc
        addi    sp, sp, -16
        li      a7, 61
        li      a0, -1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        li      a0, 0
        call    sys_exit
child:  li      a7, 3                   # close(read end)
        mv      a0, s1
        syscall
        li      a7, 35                  # let the parent block first
        la      a0, ts
        li      a1, 0
        syscall
        li      a7, 1
        mv      a0, s2
        la      a1, msg
        li      a2, 5
        syscall
        li      a7, 60
        li      a0, 0
        syscall
        .rodata
msg:    .ascii  "ping\n"
eof:    .asciz  "eof "
        .align  8
ts:     .quad   0, 1000000
        .bss
        .align  8
fds:    .zero   8
buf:    .zero   16
