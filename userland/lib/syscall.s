# syscall.s: the two ways C reaches the kernel.
#
#   long __syscall6(long nr, long a, long b, long c, long d, long e, long f)
#       The raw call: returns the kernel's result, -errno on failure (-4095..-1).
#       libc's wrappers use it through the __syscallN macros of libc.h.
#   long syscall(long nr, ...)
#       syscall(2): the same, but a failure sets errno and returns -1.
#
# The Clonix convention (docs/isa.md): number in a7, arguments in a0..a5, result in a0.
# A variadic call passes its arguments exactly as a fixed one, so one shuffle serves both.

        .text
        .globl  __syscall6
        .type   __syscall6, @function
__syscall6:
        mv      a7, a0
        mv      a0, a1
        mv      a1, a2
        mv      a2, a3
        mv      a3, a4
        mv      a4, a5
        mv      a5, a6
        syscall
        ret
        .size   __syscall6, . - __syscall6

        .globl  syscall
        .type   syscall, @function
syscall:
        mv      a7, a0
        mv      a0, a1
        mv      a1, a2
        mv      a2, a3
        mv      a3, a4
        mv      a4, a5
        mv      a5, a6
        syscall
        j       __syscall_ret           # tail call: errno from -errno, with our ra intact
        .size   syscall, . - syscall
