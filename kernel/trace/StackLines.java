package trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mm.Mm;
import mm.Vma;
import task.Task;
import vm.Context;
import vm.Isa;

/**
 * The user stack of a task entering a system call, as {@code strace -k} prints it under the
 * call, one frame per line, newest first:
 * <pre>
 *  &gt; /tmp/prog(__syscall6+0x38) [0x4079f8]
 *  &gt; /tmp/prog(write+0x40) [0x403a10]
 *  &gt; /tmp/prog(main+0x58) [0x4001a8]
 * </pre>
 * The file is the one mapped at the address (as strace reads it from /proc/PID/maps), then
 * the symbol and offset, then the address. Clonix's programs are not position-independent,
 * so the address is the virtual address itself, which {@code clonix addr2line} takes; strace
 * prints the offset in the mapped file instead. An address outside every mapping is
 * {@code backtracing_error}, as strace's unwinder says.
 *
 * <p>The same frames come back call after call, so each line is kept once per tracer: a
 * full trace buffer holds references to a few thousand strings, not a copy per event.
 */
final class StackLines {
    /** Frames recorded per call: deeper ones are left out. */
    static final int MAX_FRAMES = 16;

    private final Map<String, String> seen = new HashMap<>();

    /** The stack of {@code t}, stopped at its system-call instruction, as strace -k lines without the newline. */
    List<String> of(Task t) {
        Mm mm = t.mm();
        if (mm == null) return List.of();
        Context c = t.context();
        Symbolizer s = Symbolizer.of(t);
        List<String> lines = new ArrayList<>();
        for (long pc : Symbolizer.backtrace(t, c.pc, c.regs[Isa.FP], c.regs[Isa.RA], MAX_FRAMES)) {
            Vma v = mm.vmaAt(pc);
            String line = v == null ? " > backtracing_error [0x" + Long.toHexString(pc) + "]"
                    : " > " + v.name() + "(" + s.symbolOffset(pc).orElse("") + ") [0x" + Long.toHexString(pc) + "]";
            lines.add(seen.computeIfAbsent(line, l -> l));
        }
        return List.copyOf(lines);
    }
}
