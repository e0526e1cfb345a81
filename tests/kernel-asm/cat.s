# cat.s: copies standard input to standard output until end of file, then exits 0.
        .text
        .globl  _start
_start:
.Lloop: li      a7, 0                   # read(0, buf, 64)
        li      a0, 0
        la      a1, buf
        li      a2, 64
        syscall
        bge     zero, a0, .Ldone        # 0: end of file (or an error)
        mv      a2, a0
        li      a7, 1                   # write(1, buf, n)
        li      a0, 1
        la      a1, buf
        syscall
        j       .Lloop
.Ldone: call    sys_exit
        .bss
buf:    .zero   64
