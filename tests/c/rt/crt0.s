# crt0.s: the smallest C runtime for the compiler's test programs (until libc exists).
#
# exec.Loader leaves argc at 0(sp), then argv[], NULL, envp[], NULL, auxv (docs/isa.md).
# _start calls main(argc, argv, envp) and exits with what main returns.

        .text
        .globl  _start
        .type   _start, @function
_start:
        ld      a0, 0(sp)               # argc
        addi    a1, sp, 8               # argv
        slli    a2, a0, 3               # envp = argv + 8 * (argc + 1)
        add     a2, a2, a1
        addi    a2, a2, 8
        call    main
        li      a7, 60                  # exit(main's result)
        syscall
        .size   _start, . - _start

# long write(int fd, const void *buf, unsigned long count)
        .globl  write
        .type   write, @function
write:
        li      a7, 1
        syscall
        ret
        .size   write, . - write

# void exit(int status)
        .globl  exit
        .type   exit, @function
exit:
        li      a7, 60
        syscall
        .size   exit, . - exit
