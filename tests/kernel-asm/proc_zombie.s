# proc_zombie.s: /proc of a zombie and of a reaped process. The child exits with status 3;
# the parent waits for it with waitid(WNOWAIT), which leaves it a zombie, and prints
# /proc/CHILD/status and /proc/CHILD/stat. It opens the status file again, reaps the child
# with wait4, then prints "read after reap: N" (the read's result: -3, ESRCH) and what
# opening /proc/CHILD/status gives now ("error -2", ENOENT).
        .text
        .globl  _start
_start: li      a7, 57                  # fork()
        syscall
        bne     a0, zero, parent
        li      a7, 60                  # the child: exit(3)
        li      a0, 3
        syscall
parent: mv      s1, a0
        li      a7, 247                 # waitid(P_PID, child, &info, WEXITED | WNOWAIT, 0)
        li      a0, 1
        mv      a1, s1
        la      a2, info
        li      a3, 0x01000004
        li      a4, 0
        syscall
        la      a0, proc
        mv      a1, s1
        la      a2, status
        call    path_of
        call    cat_path
        la      a0, proc
        mv      a1, s1
        la      a2, stat
        call    path_of
        call    cat_path
        la      a0, proc
        mv      a1, s1
        la      a2, status
        call    path_of
        li      a7, 2                   # open(/proc/CHILD/status, O_RDONLY)
        li      a1, 0
        li      a2, 0
        syscall
        mv      s2, a0
        li      a7, 61                  # wait4(child, 0, 0, 0): reap it
        mv      a0, s1
        li      a1, 0
        li      a2, 0
        li      a3, 0
        syscall
        la      a0, after
        call    puts
        li      a7, 0                   # read(fd, buf, 64) on the reaped child's file
        mv      a0, s2
        la      a1, buf
        li      a2, 64
        syscall
        call    putnum
        li      a0, 10
        call    putc
        la      a0, proc
        mv      a1, s1
        la      a2, status
        call    path_of
        call    cat_path
        li      a0, 0
        call    sys_exit

        .rodata
proc:   .asciz  "/proc/"
status: .asciz  "/status"
stat:   .asciz  "/stat"
after:  .asciz  "read after reap: "
        .bss
        .align  8
info:   .zero   128
buf:    .zero   64
