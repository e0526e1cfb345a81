# clone.s: int clone(int (*fn)(void *), void *stack, int flags, void *arg,
#                    ... /* pid_t *ptid, void *tls, pid_t *ctid */)
#
# glibc's wrapper, for the Clonix machine. On entry a0 = fn, a1 = stack, a2 = flags,
# a3 = arg, a4 = ptid, a5 = tls, a6 = ctid. The raw system call takes them in x86-64's
# order: clone(flags, newsp, parent_tid, child_tid, tls).
#
# fn and arg are stored on the child's stack before the call, because the child returns
# from the system call with every register as the parent had it except a0 = 0 and
# sp = newsp: its stack is the one place that is certainly its own. The child then calls
# fn(arg) and leaves with SYS_exit (the thread only, not exit_group) and fn's result.

        .text
        .globl  clone
        .type   clone, @function
clone:
        beq     a0, zero, .Leinval      # no function to run
        beq     a1, zero, .Leinval      # no stack to run it on
        andi    a1, a1, -16             # the child's sp must be 16-byte aligned
        addi    a1, a1, -16
        sd      a0, 0(a1)               # fn
        sd      a3, 8(a1)               # arg
        mv      a0, a2                  # flags
        mv      a2, a4                  # parent_tid
        mv      a4, a5                  # tls
        mv      a3, a6                  # child_tid
        li      a7, 56                  # SYS_clone
        syscall
        beq     a0, zero, .Lchild
        blt     a0, zero, .Lerror       # -errno (a tid is always positive)
        ret                             # parent: the child's tid
.Lerror:
        j       __syscall_ret
.Leinval:
        li      a0, -22                 # -EINVAL
        j       __syscall_ret

.Lchild:
        li      fp, 0                   # the outermost frame of the new thread
        ld      t0, 0(sp)               # fn
        ld      a0, 8(sp)               # arg
        callr   t0
        li      a7, 60                  # SYS_exit(fn's result): ends this thread only
        syscall
        break                           # exit does not return
        .size   clone, . - clone
