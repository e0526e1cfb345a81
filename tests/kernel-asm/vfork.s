# vfork.s: the parent sleeps until its vfork child exits. The child runs in the parent's
# memory: it prints "child", stores 7 in a global and _exit()s; only then does the parent
# print "parent" and the global, whatever the interleaving seed.
        .text
        .globl  _start
_start: li      a7, 58                  # vfork()
        syscall
        beq     a0, zero, child
        la      a0, parent
        call    puts
        la      t0, shared
        ld      a0, 0(t0)
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

child:  la      a0, kid
        call    puts
        la      t0, shared
        li      t1, 7
        sd      t1, 0(t0)
        li      a7, 60
        li      a0, 0
        syscall

        .rodata
parent: .asciz  "parent "
kid:    .asciz  "child\n"
        .data
shared: .quad   0
