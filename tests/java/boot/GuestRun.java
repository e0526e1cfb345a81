package boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asm.Assembler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ld.Linker;
import obj.Executable;
import obj.ObjectFile;
import fs.FsMemory;
import task.Task;
import task.TaskState;
import vm.PhysicalMemory;

/**
 * Test helper: assembles a program of tests/kernel-asm (linked with lib.s), boots a kernel,
 * runs it as /bin/NAME under init, and then checks the invariant every test relies on:
 * the kernel met no bug (no oops), and once all processes are gone, every task has dropped
 * its mm, files, fs and sighand, only init is left (a zombie nobody reaps), and the only
 * memory in use is the files'.
 */
public final class GuestRun {
    /** What a run printed, how it ended, and the tasks it released, in release order. */
    public record Result(int status, String output, Kernel kernel, List<Task> released) {}

    private static final Path DIR = Path.of("tests", "kernel-asm");

    private GuestRun() {}

    /** Assembles tests/kernel-asm/NAME.s with lib.s into an executable. */
    public static Executable build(String name) throws Exception {
        return link(Files.readString(DIR.resolve(name + ".s")), name + ".s");
    }

    /** Assembles {@code source} (named {@code fileName}) with lib.s into an executable. */
    public static Executable link(String source, String fileName) throws Exception {
        List<ObjectFile> objs = new ArrayList<>();
        objs.add(Assembler.assemble(fileName, source));
        objs.add(Assembler.assemble("lib.s", Files.readString(DIR.resolve("lib.s"))));
        return new Linker().link(objs, List.of());
    }

    /** Runs tests/kernel-asm/NAME.s with default options and the given extra arguments. */
    public static Result run(String name, String... args) throws Exception {
        return run(Options.defaults().withCycleLimit(50_000_000), name, args);
    }

    /** Runs tests/kernel-asm/NAME.s with {@code options}. */
    public static Result run(Options options, String name, String... args) throws Exception {
        return runExecutable(options, build(name), name, args);
    }

    /** Runs {@code exe} installed as /bin/NAME, then checks that nothing leaked. */
    public static Result runExecutable(Options options, Executable exe, String name, String... args)
            throws IOException {
        return runWith(options, java.util.Map.of(name, exe), name, args);
    }

    /**
     * Installs every program of {@code programs} as /bin/NAME, runs /bin/{@code name} with
     * {@code args}, then checks that nothing leaked.
     */
    public static Result runWith(Options options, java.util.Map<String, Executable> programs, String name,
            String... args) throws IOException {
        return runWithInput(options, programs, new byte[0], name, args);
    }

    /** As {@link #runWith}, with {@code input} as the console's input. */
    public static Result runWithInput(Options options, java.util.Map<String, Executable> programs, byte[] input,
            String name, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Kernel k = Kernel.boot(options, out, new ByteArrayInputStream(input));
        List<Task> released = new ArrayList<>();
        k.tasks().observeReleases(released::add);
        for (var e : new java.util.TreeMap<>(programs).entrySet()) k.install("/bin/" + e.getKey(), e.getValue());
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(List.of(args));
        int status = k.run("/bin/" + name, argv);
        Result r = new Result(status, out.toString(StandardCharsets.UTF_8), k, released);
        checkNothingLeaked(k);
        return r;
    }

    /**
     * The invariant after every run: the kernel met no bug (no oops), all resources are
     * released, and the only memory still in use is what the files left in the file system
     * hold (their pages, their inodes and names in the slab) and init's task, a zombie that
     * nobody reaps. (The kernel itself refuses to release a task that still holds its mm,
     * files, fs or sighand: task.Tasks.)
     */
    public static void checkNothingLeaked(Kernel k) {
        assertEquals(List.of(), k.oopses(), "the kernel met no bug");
        checkEverythingReleased(k);
    }

    /** {@link #checkNothingLeaked} without the oops check, for a test that provokes one. */
    public static void checkEverythingReleased(Kernel k) {
        List<Task> left = k.tasks().pids().all();
        assertEquals(1, left.size(), "only init is left: " + left);
        Task init = left.get(0);
        assertEquals(1, init.tid());
        assertEquals(TaskState.ZOMBIE, init.state());
        checkReleased(init);
        PhysicalMemory p = k.physicalMemory();
        FsMemory files = k.vfs().memory();
        assertEquals(0, p.kernelFrames(PhysicalMemory.KernelUse.PAGE_TABLES), "every page table is freed");
        assertEquals(0, p.frames(PhysicalMemory.PageKind.ANON), "every process page is freed");
        assertEquals(0, p.frames(PhysicalMemory.PageKind.PIPE), "every pipe buffer is freed");
        assertEquals(files.filePages(), p.frames(PhysicalMemory.PageKind.SHMEM), "only files hold shared pages");
        assertEquals(0, files.openFiles(), "every open file description is released");
        assertEquals(files.slabBytes(), p.slabBytes(), "the slab holds only the files' inodes and names");
        assertEquals(task.Tasks.THREAD_FRAMES, p.kernelFrames(PhysicalMemory.KernelUse.KERNEL_STACK),
                "only init's task keeps its kernel stack");
        assertEquals(p.kernelFrames(PhysicalMemory.KernelUse.SLAB) + files.filePages()
                + p.kernelFrames(PhysicalMemory.KernelUse.KERNEL_STACK), p.usedFrames(), "no other frame is in use");
    }

    private static void checkReleased(Task t) {
        assertNull(t.mm(), t + " dropped its mm");
        assertNull(t.files(), t + " dropped its files");
        assertNull(t.fs(), t + " dropped its fs");
        assertNull(t.sighand(), t + " dropped its sighand");
        assertTrue(!t.state().isAlive(), t + " is dead");
    }
}
