package explore;

import boot.Kernel;
import sched.ScheduleControl;
import task.Task;
import task.TaskState;
import trace.Symbolizer;
import vm.Isa;

/**
 * Describes a step in the program's terms for the shown interleaving: "t3 main.c:17 load
 * free_seats", "t3 main.c:20 atomic lock+0", "t4 main.c:31 system call futex", "t3 blocks in
 * futex", "t3 exited". Code addresses become file:line when the executable has a line table (function+offset
 * otherwise), data addresses the symbol holding them (the number, for heap and stack).
 */
final class SourceTerms implements ScheduleControl.Describer {
    private final Kernel kernel;

    SourceTerms(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String describe(Task t, ScheduleControl.Where where, long pc, long address) {
        Symbolizer s = Symbolizer.of(t);
        String who = "t" + t.tid() + " ";
        return switch (where) {
            case LOAD -> who + code(s, pc) + " load " + data(s, address);
            case STORE -> who + code(s, pc) + " store " + data(s, address);
            case ATOMIC -> who + code(s, pc) + " atomic " + data(s, address);
            case SYSCALL -> who + code(s, pc - Isa.INSN_BYTES) + " system call "
                    + kernel.syscalls().name(t.context().regs[Isa.A7]);
            case SWITCH -> t.state().isAlive() ? who + code(s, t.context().pc) + " " + leaving(t) : who + "exited";
        };
    }

    /** What a task that left the CPU without a decision did. */
    private static String leaving(Task t) {
        TaskState state = t.state();
        if (state == TaskState.RUNNABLE) return "used up its time slice";
        String channel = t.waitChannel();
        return channel == null || channel.isEmpty() ? "blocks" : "blocks in " + channel;
    }

    private static String code(Symbolizer s, long pc) {
        return s.line(pc).map(Object::toString).orElseGet(() -> s.where(pc));
    }

    private static String data(Symbolizer s, long address) {
        return s.dataSymbol(address).orElse(String.format("0x%x", address));
    }
}
