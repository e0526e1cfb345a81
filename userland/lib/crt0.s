# crt0.s: the C program's entry point.
#
# exec.Loader leaves the initial stack as Linux does: argc at 0(sp), then argv[0..argc-1],
# a NULL, envp[], a NULL, and the auxiliary vector. _start records envp in `environ`,
# calls main(argc, argv, envp) and passes its result to exit(), which runs the atexit
# handlers and flushes stdio before the exit_group system call.

        .text
        .globl  _start
        .type   _start, @function
_start:
        li      fp, 0                   # the outermost frame: no caller (as glibc clears rbp)
        ld      a0, 0(sp)               # argc
        addi    a1, sp, 8               # argv
        slli    a2, a0, 3               # envp = argv + 8 * (argc + 1)
        add     a2, a2, a1
        addi    a2, a2, 8
        la      t0, environ
        sd      a2, 0(t0)
        andi    sp, sp, -16             # the ABI wants sp 16-byte aligned at every call
        call    main
        call    exit                    # exit(main's result); never returns
        break                           # unreachable: trap loudly if it ever is reached
        .size   _start, . - _start
