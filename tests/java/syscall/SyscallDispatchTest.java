package syscall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asm.Assembler;
import fs.FdTable;
import fs.Vfs;
import java.lang.management.ManagementFactory;
import java.util.List;
import ld.Linker;
import mm.Mm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sched.RoundRobin;
import sched.Scheduler;
import task.Task;
import task.Tasks;
import vm.Cpu;
import vm.Isa;
import vm.PhysicalMemory;

/**
 * The system-call table's dispatch on a real task: the arguments come from a0..a5 in order,
 * the number from a7, the result goes to a0, an unknown number is ENOSYS, and serving a
 * call allocates nothing on the host (the arguments reach the handler without a new array).
 */
class SyscallDispatchTest {
    private final PhysicalMemory phys = PhysicalMemory.ofFrames(256);
    private final Scheduler sched = new Scheduler(new Cpu[] {new Cpu(0)}, new RoundRobin(10), 1, 100, 1000);
    private final Tasks ts = new Tasks(phys, sched);
    private final SyscallTable table = new SyscallTable();
    private Task task;

    @BeforeEach
    void bootOneTask() throws Exception {
        sched.attach(ts, null);
        var exe = new Linker().link(List.of(Assembler.assemble("t.s", ".globl _start\n_start: j _start\n")), List.of());
        task = ts.spawnInit(Mm.exec(phys, exe, "/sbin/init", List.of("init"), List.of()), new FdTable(),
                new Vfs().newFsStruct());
        // A call that weighs each argument by its position, so that a swap or a shift shows.
        table.register(400, "weigh", (t, a) -> a[0] + 10 * a[1] + 100 * a[2] + 1_000 * a[3] + 10_000 * a[4] + 100_000 * a[5]);
        // Calls of other shapes, so that the handler call in dispatch sees many handlers, as in
        // a running kernel, and HotSpot cannot inline one and do away with what it is passed.
        table.register(401, "first", (t, a) -> a[0]);
        table.register(402, "last", (t, a) -> a[5]);
        table.register(403, "tid", (t, a) -> t.tid());
    }

    /** Sets up {@code task}'s registers for call {@code nr} with arguments 1..6 and serves it. */
    private long call(long nr) {
        long[] r = task.context().regs;
        r[Isa.A7] = nr;
        r[Isa.A0] = 1;
        r[Isa.A1] = 2;
        r[Isa.A2] = 3;
        r[Isa.A3] = 4;
        r[Isa.A4] = 5;
        r[Isa.A5] = 6;
        return table.dispatch(task);
    }

    @Test
    void argumentsComeFromA0ToA5AndTheResultGoesToA0() {
        assertEquals(654_321, call(400));
        assertEquals(654_321, task.context().regs[Isa.A0]);
        assertEquals(1, call(401));
        assertEquals(6, call(402));
        assertEquals(-Errno.ENOSYS, call(404));
        assertEquals(-Errno.ENOSYS, task.context().regs[Isa.A0]);
        assertEquals(-Errno.ENOSYS, call(-1));
    }

    @Test
    void servingACallAllocatesNothing() {
        for (int i = 0; i < 40_000; i++) call(400 + i % 4); // loads and links what the path uses
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int calls = 100_000;
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) call(400 + i % 4);
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        // A six-long argument array per call would be 64 bytes each, 6.4 MB in all.
        assertTrue(allocated < calls, allocated + " bytes allocated by " + calls + " calls");
    }
}
