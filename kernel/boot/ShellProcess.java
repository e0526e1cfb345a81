package boot;

import asm.Assembler;
import diag.CompileException;
import java.util.List;
import ld.Linker;
import obj.Executable;

/**
 * /sbin/sh, the guest half of the shell: a process that only sleeps. The shell itself is Java
 * (package shell); this task is its place in the process tree, so that every program the
 * shell starts is a child of pid 2 with comm "sh", as {@code ps -f} shows on Linux. The Java
 * shell forks, execs and reaps on its behalf (see {@link Session}), the way Linux's
 * call_usermodehelper acts for a kernel thread.
 *
 * <p>It waits on a futex word that nobody ever wakes: {@code futex(&word, FUTEX_WAIT_PRIVATE,
 * 0, NULL)} in a loop, so a spurious wake-up only puts it back to sleep. It never calls
 * wait4, which would take the Java shell's children away from it.
 */
final class ShellProcess {
    private ShellProcess() {}

    /** The guest path the program is installed at. */
    static final String PATH = "/sbin/sh";

    static final String SOURCE = String.join("\n",
            "# sh: the shell's task; sleeps forever so that the Java shell can act in its name.",
            "        .text",
            "        .globl _start",
            "_start: addi    sp, sp, -16",
            "        sd      zero, 0(sp)         # the futex word: 0, and nobody changes it",
            "sleep:  li      a7, 202             # futex(sp, FUTEX_WAIT_PRIVATE, 0, NULL)",
            "        mv      a0, sp",
            "        li      a1, 128",
            "        li      a2, 0",
            "        li      a3, 0",
            "        syscall",
            "        j       sleep",
            "");

    /** The linked program. */
    static Executable build() {
        try {
            return new Linker().link(List.of(Assembler.assemble("sh.s", SOURCE)), List.of());
        } catch (CompileException | ld.LinkException e) {
            throw new IllegalStateException("sh does not assemble: " + e.getMessage(), e);
        }
    }
}
