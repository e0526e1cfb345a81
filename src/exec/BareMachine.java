package exec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import obj.Executable;
import vm.AddressSpace;
import vm.Context;
import vm.CowResult;
import vm.Cpu;
import vm.Isa;
import vm.MemoryFault;
import vm.PhysicalMemory;
import vm.Trap;

/**
 * Runs one executable on one CPU with no kernel at all: the loader maps it, the CPU runs it,
 * and this class answers the only two system calls a first program needs, {@code write}
 * and {@code exit}. Every other call returns {@code -ENOSYS}; a fault ends the program with
 * the status a shell would show for the signal Linux would send (128 + signal number).
 *
 * <p>It is the smallest complete loop of an operating system (load, run, trap, serve,
 * resume) and the place to watch the instruction set work before the kernel exists.
 */
public final class BareMachine {
    // Linux x86-64 system call numbers and errno values.
    static final int SYS_WRITE = 1, SYS_EXIT = 60, SYS_EXIT_GROUP = 231;
    static final int EBADF = 9, EFAULT = 14, ENOSYS = 38;
    // Signals a fault would raise on Linux.
    static final int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11;

    /** How a run ended: the exit status, why, and how many instructions ran. */
    public record Result(int status, String reason, long instructions) {}

    private final OutputStream out;
    private final OutputStream err;
    private final long memoryBytes;
    private Tracer tracer;
    private vm.Engine engine = vm.Engine.INTERP;

    /**
     * A bare machine whose programs write to {@code out} (fd 1) and {@code err} (fd 2), with
     * {@code memoryBytes} of physical memory.
     */
    public BareMachine(OutputStream out, OutputStream err, long memoryBytes) {
        this.out = out;
        this.err = err;
        this.memoryBytes = memoryBytes;
    }

    /** Describes one instruction for a trace: its address and word, to a line of text. */
    @FunctionalInterface
    public interface Tracer {
        String describe(long pc, long word);
    }

    /**
     * Makes the run write one line per instruction to {@code err} before executing it.
     * Tracing runs one instruction at a time, so it is slow.
     */
    public BareMachine trace(Tracer describe) {
        this.tracer = describe;
        return this;
    }

    /** Makes the CPU execute with {@code e} (the interpreter by default); the results are the same. */
    public BareMachine engine(vm.Engine e) {
        this.engine = e;
        return this;
    }

    /** Loads {@code exe} with {@code argv}, runs at most {@code budget} instructions. */
    public Result run(Executable exe, List<String> argv, long budget) throws Loader.LoadException, IOException {
        AddressSpace mm = new AddressSpace(new PhysicalMemory(memoryBytes));
        Loader.Image image = Loader.load(exe, mm, argv, List.of());
        Context ctx = new Context();
        ctx.pc = image.entry();
        ctx.regs[Isa.SP] = image.stackPointer();
        Cpu cpu = new Cpu(0);
        if (engine == vm.Engine.JIT) cpu.setCodeCache(new vm.CodeCache());
        cpu.loadContext(ctx, mm);
        long executed = 0;
        while (executed < budget) {
            long chunk = tracer != null ? 1 : Math.min(budget - executed, 1 << 20);
            if (tracer != null) traceLine(cpu, mm);
            executed += cpu.run(chunk);
            Trap trap = cpu.trap();
            if (trap == null) continue;
            switch (trap.cause()) {
                case SYSCALL -> {
                    Integer status = syscall(cpu, mm);
                    if (status != null) return new Result(status, "exited with " + status, executed);
                }
                case PAGE_FAULT -> {
                    if (trap.isCopyOnWrite() && isRepaired(mm.resolveCow(trap.address()))) continue;
                    return killed(SIGSEGV, "Segmentation fault", trap, executed);
                }
                case ILLEGAL_INSTRUCTION -> { return killed(SIGILL, "Illegal instruction", trap, executed); }
                case DIVIDE_ERROR -> { return killed(SIGFPE, "Floating point exception", trap, executed); }
                case MISALIGNED -> { return killed(SIGBUS, "Bus error", trap, executed); }
                case BREAKPOINT -> { return killed(SIGTRAP, "Trace/breakpoint trap", trap, executed); }
            }
        }
        out.flush();
        return new Result(124, "stopped after " + executed + " instructions", executed);
    }

    private static boolean isRepaired(CowResult r) {
        return r == CowResult.COPIED || r == CowResult.REUSED;
    }

    private void traceLine(Cpu cpu, AddressSpace mm) throws IOException {
        long word;
        try {
            word = mm.read64(cpu.pc());
        } catch (MemoryFault e) {
            return; // the fetch will fault and end the run; nothing to show
        }
        err.write((tracer.describe(cpu.pc(), word) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Result killed(int signal, String what, Trap trap, long executed) throws IOException {
        out.flush();
        return new Result(128 + signal, what + " (" + trap + ")", executed);
    }

    /** Serves the system call in a7; returns an exit status if the program ended, else null. */
    private Integer syscall(Cpu cpu, AddressSpace mm) throws IOException {
        long nr = cpu.reg(Isa.A7);
        long a0 = cpu.reg(Isa.A0), a1 = cpu.reg(Isa.A1), a2 = cpu.reg(Isa.A2);
        long result;
        if (nr == SYS_EXIT || nr == SYS_EXIT_GROUP) {
            out.flush();
            return (int) (a0 & 0xff);
        } else if (nr == SYS_WRITE) {
            result = write(mm, a0, a1, a2);
        } else {
            result = -ENOSYS;
        }
        cpu.setReg(Isa.A0, result);
        return null;
    }

    /** write(fd, buf, count) for fds 1 and 2, in chunks so a huge count cannot exhaust the host. */
    private long write(AddressSpace mm, long fd, long buf, long count) throws IOException {
        OutputStream dst = fd == 1 ? out : fd == 2 ? err : null;
        if (dst == null) return -EBADF;
        if (count < 0) return -EFAULT;
        byte[] chunk = new byte[(int) Math.min(count, 64 * 1024)];
        long done = 0;
        while (done < count) {
            int n = (int) Math.min(count - done, chunk.length);
            if (mm.copyIn(buf + done, chunk, 0, n) != AddressSpace.NO_FAULT) return done > 0 ? done : -EFAULT;
            dst.write(chunk, 0, n);
            done += n;
        }
        return done;
    }
}
