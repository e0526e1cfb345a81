# proc_cat.s: for each argument PATH prints "== PATH", then the file's bytes, or
# "error -ERRNO" when open or read fails (cat_path in proc_lib.s). Used by the /proc tests
# (tests/java/proc) for any /proc file.
        .text
        .globl  _start
_start: ld      s1, 0(sp)               # argc
        addi    s2, sp, 16              # &argv[1]
        li      s3, 1
.Lnext: bge     s3, s1, .Ldone
        ld      a0, 0(s2)
        call    cat_path
        addi    s2, s2, 8
        addi    s3, s3, 1
        j       .Lnext
.Ldone: li      a0, 0
        call    sys_exit

