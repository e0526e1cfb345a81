package proc;

import asm.Assembler;
import boot.GuestRun;
import boot.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ld.Linker;
import obj.Executable;

/**
 * Test helper: runs a /proc test program of tests/kernel-asm (proc_NAME.s, linked with
 * proc_lib.s and lib.s) under a freshly booted kernel, through boot.GuestRun, which also
 * checks that the run leaked nothing.
 */
final class ProcPrograms {
    private static final Path DIR = Path.of("tests", "kernel-asm");

    private ProcPrograms() {}

    /** Assembles and links tests/kernel-asm/NAME.s with proc_lib.s and lib.s. */
    static Executable build(String name) throws Exception {
        return new Linker().link(List.of(
                Assembler.assemble(name + ".s", Files.readString(DIR.resolve(name + ".s"))),
                Assembler.assemble("proc_lib.s", Files.readString(DIR.resolve("proc_lib.s"))),
                Assembler.assemble("lib.s", Files.readString(DIR.resolve("lib.s")))), List.of());
    }

    /** Runs NAME with {@code args} on a machine of {@code cpus} CPUs. */
    static GuestRun.Result run(int cpus, String name, String... args) throws Exception {
        Options options = Options.defaults().withCycleLimit(50_000_000).withCpus(cpus);
        return GuestRun.runExecutable(options, build(name), name, args);
    }

    /** The text printed for {@code path} by cat_path: from its "== path" line to the next "== " line. */
    static String section(String output, String path) {
        String header = "== " + path + "\n";
        int start = output.indexOf(header);
        if (start < 0) throw new AssertionError("no section " + path + " in:\n" + output);
        start += header.length();
        int end = output.indexOf("\n== ", start - 1);
        return end < 0 ? output.substring(start) : output.substring(start, end + 1);
    }
}
