package bench;

import asm.Assembler;
import diag.CompileException;
import ld.LinkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ld.Linker;
import obj.Executable;
import obj.ObjectFile;

/**
 * The guest programs of the process-creation benchmarks. Their assembly source lives in the
 * jar under {@code bench/} (resources/bench in the source tree): {@code fork_touch.s},
 * {@code clone_wait.s}, and {@code lib.s} with the helpers both link with. The matching C
 * programs for the host are tests/bench/fork_touch.c and tests/bench/clone_wait.c.
 */
public final class BenchPrograms {
    /** fork + _exit + wait4 after touching MIB MiB; arguments: MIB ITERATIONS. */
    public static final String FORK_TOUCH = "fork_touch";
    /** clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|SIGCHLD) + _exit + wait4; argument: ITERATIONS. */
    public static final String CLONE_WAIT = "clone_wait";

    private BenchPrograms() {}

    /**
     * Assembles bench/NAME.s with bench/lib.s and links them into an executable. Throws
     * IllegalArgumentException for an unknown NAME; a build error in the bundled sources is a
     * bug in the jar and surfaces as IllegalStateException.
     */
    public static Executable build(String name) {
        try {
            List<ObjectFile> objects = List.of(
                    Assembler.assemble(name + ".s", source(name + ".s")),
                    Assembler.assemble("lib.s", source("lib.s")));
            return new Linker().link(objects, List.of());
        } catch (CompileException e) {
            throw new IllegalStateException("bundled benchmark " + name + " does not assemble:\n" + e.render(), e);
        } catch (LinkException e) {
            throw new IllegalStateException("bundled benchmark " + name + " does not link: " + e.messages(), e);
        }
    }

    /** The text of resource bench/FILE. */
    static String source(String file) {
        try (InputStream in = BenchPrograms.class.getResourceAsStream("/bench/" + file)) {
            if (in == null) throw new IllegalArgumentException("no benchmark program " + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
