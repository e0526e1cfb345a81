package boot;

import asm.Assembler;
import diag.CompileException;
import java.util.List;
import ld.Linker;
import obj.Executable;

/**
 * init, pid 1: a tiny program in assembly, assembled when the kernel boots.
 *
 * <p>It is started as {@code init PATH ARGV0 ARGS...}. It forks; the child execs PATH with
 * {@code ARGV0 ARGS...} as its argv and init's environment (if that fails it exits 127 for
 * ENOENT and 126 otherwise, as a shell does). init then reaps every child, its own and the
 * orphans the kernel gives it, with {@code wait4(-1, &status, __WALL, 0)} until ECHILD says
 * none is left, and exits with the status of the command as a shell reports it: the exit
 * code, or 128 + the signal that killed it. The kernel's run ends when init exits.
 */
final class InitProgram {
    private InitProgram() {}

    static final String SOURCE = String.join("\n",
            "# init: fork, exec argv[1], reap everything, exit with the command's status.",
            "        .text",
            "        .globl _start",
            "_start: li      a7, 57              # fork()",
            "        syscall",
            "        beq     a0, zero, child",
            "        blt     a0, zero, failed",
            "        mv      s1, a0              # the command's pid",
            "        li      s2, 0               # its wait status",
            "        addi    sp, sp, -16",
            "reap:   li      a7, 61              # wait4(-1, sp, __WALL, 0)",
            "        li      a0, -1",
            "        mv      a1, sp",
            "        li      a2, 0x40000000",
            "        li      a3, 0",
            "        syscall",
            "        blt     a0, zero, done      # ECHILD: nobody left",
            "        bne     a0, s1, reap",
            "        lw      s2, 0(sp)",
            "        j       reap",
            "done:   andi    t0, s2, 0x7f        # killed by a signal?",
            "        beq     t0, zero, exited",
            "        addi    a0, t0, 128",
            "        j       quit",
            "exited: srli    a0, s2, 8",
            "        andi    a0, a0, 0xff",
            "quit:   li      a7, 231             # exit_group(status)",
            "        syscall",
            "failed: li      a0, 1",
            "        j       quit",
            "child:  ld      t0, 0(sp)           # argc",
            "        addi    t0, t0, 2",
            "        slli    t0, t0, 3",
            "        add     a2, sp, t0          # envp = &argv[argc + 1]",
            "        ld      a0, 16(sp)          # argv[1]",
            "        addi    a1, sp, 24          # &argv[2]",
            "        li      a7, 59              # execve",
            "        syscall",
            "        mv      t1, a0",
            "        li      t0, -2              # ENOENT: 127, anything else: 126",
            "        li      a0, 126",
            "        bne     t1, t0, gone",
            "        li      a0, 127",
            "gone:   li      a7, 60",
            "        syscall",
            "");

    /**
     * The linked init program. It is assembled once per JVM and shared: the loader copies
     * its bytes into each machine's memory and never writes to it, and booting a machine
     * per run (clonix explore) should not pay for an assembly each time.
     */
    static Executable build() {
        return Assembled.INIT;
    }

    /** Holds init, assembled when first asked for (the JVM makes that thread-safe). */
    private static final class Assembled {
        static final Executable INIT = assemble();
    }

    private static Executable assemble() {
        try {
            return new Linker().link(List.of(Assembler.assemble("init.s", SOURCE)), List.of());
        } catch (CompileException | ld.LinkException e) {
            throw new IllegalStateException("init does not assemble: " + e.getMessage(), e);
        }
    }
}
