# crt0.s: the C program's entry point.
#
# exec.Loader leaves the initial stack as Linux does: argc at 0(sp), then argv[0..argc-1],
# a NULL, envp[], a NULL, and the auxiliary vector. _start records envp in `environ`,
# makes the main thread's descriptor and TLS block below that (pthread_self.c), so that tp
# is valid before any C code runs, runs the constructors (init_array.c), calls
# main(argc, argv, envp) and passes its result to exit(), which runs the atexit handlers and
# the destructors and flushes stdio before the exit_group system call.
# s1..s3 keep argc, argv and envp across the set-up calls: _start has no caller to preserve
# them for.

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
        mv      s1, a0
        mv      s2, a1
        mv      s3, a2
        andi    sp, sp, -16             # the ABI wants sp 16-byte aligned at every call
        call    __libc_main_thread_size
        sub     sp, sp, a0
        andi    sp, sp, -16
        mv      a0, sp
        call    __libc_setup_main_thread
        mv      a0, s1
        mv      a1, s2
        mv      a2, s3
        call    __libc_init_array
        mv      a0, s1
        mv      a1, s2
        mv      a2, s3
        call    main
        call    exit                    # exit(main's result); never returns
        break                           # unreachable: trap loudly if it ever is reached
        .size   _start, . - _start
