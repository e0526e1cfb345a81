package race;

import boot.Kernel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import sched.Scheduler;
import sync.HappensBefore;
import sync.Waiter;
import task.Task;
import vm.AccessKind;
import vm.AccessObserver;
import vm.AddressSpace;
import vm.Cpu;
import vm.Isa;
import vm.MemoryFault;

/**
 * The happens-before data-race detector ({@code clonix run --race}): every load, store and
 * atomic of the guest is checked against the earlier accesses to the same bytes that it is
 * not ordered with, as ThreadSanitizer does, with FastTrack's vector clocks and epochs.
 *
 * <p><b>Accesses.</b> As the CPUs' {@link AccessObserver} it answers PROCEED_UNCACHED, so it
 * sees every data access; each one is checked and remembered in the {@link Shadow} of its
 * address space (a {@link Granule} per 8 bytes). Two accesses race when they touch a common
 * byte, come from different threads, neither happens before the other, and at least one is
 * a plain write (or one a plain read and the other a write).
 *
 * <p><b>What counts as atomic.</b> The atomic instructions (cas, faa, xchg) read and write
 * with acquire and release order. The compiler builds C's atomic loads and stores from
 * plain ones next to a {@code fence} (src/cc/Atomics.java): a load followed by a fence is
 * an acquire load, a store preceded by one a release store. A bare fence orders nothing by
 * itself here: the machine is sequentially consistent, so what a fence could order is
 * ordered already, and the C11 rule it implements needs atomic accesses around it anyway.
 * A word that has been released on (an atomic store or read-modify-write, or the kernel's
 * CLONE_CHILD_CLEARTID store) is a synchronisation word, and a plain load of it counts as an
 * acquire load: libc's locks read their words with volatile loads, which this machine never
 * reorders (pthread_once's fast path, pthread_join's look at the tid). A plain store to such
 * a word is still checked as a plain write.
 *
 * <p><b>Edges from the kernel.</b> Through {@link HappensBefore}, which every task carries:
 * futex wake to the woken waiter, clone and fork (parent to child), thread exit through
 * CLONE_CHILD_CLEARTID, exit to wait4, a pipe or socket write to the read after it, a
 * signal to its handler; execve starts a fresh address space, and with it a fresh history.
 *
 * <p><b>Reports.</b> Each race is reported once per pair of instructions, in
 * ThreadSanitizer's shape ({@link RaceReport}), to the sink given at installation, as soon
 * as it is found. The run is deterministic, so the reports are too.
 *
 * <p><b>Memory.</b> The shadow is the host's memory, so it is bounded: past {@code limit}
 * bytes (estimated) the detector says so once through the sink and stops watching.
 *
 * <p>Called on the kernel's single thread only; nothing here is synchronized.
 */
public final class RaceDetector implements AccessObserver, HappensBefore, Granule.Checker {
    /** The bound of the shadow memory by default, in bytes. */
    public static final long DEFAULT_LIMIT = 256L << 20;
    /** The exit status of {@code clonix run --race=fail} when a race was reported (ThreadSanitizer's exitcode). */
    public static final int EXIT_CODE = 66;
    /** Frames kept for each remembered access. */
    static final int STACK_FRAMES = 4;
    /** Estimated host bytes of a page of granule references, a granule, an access, a clock slot. */
    static final long PAGE_BYTES = 16 + 8L * Shadow.GRANULES, GRANULE_BYTES = 40, ACCESS_BYTES = 88, SLOT_BYTES = 4;

    private final Scheduler sched;
    private final Consumer<String> sink;
    private final long limit;
    private long used;
    private boolean full;
    /** The shadow of each address space in use, found by identity (never iterated). */
    private final Map<AddressSpace, Shadow> shadows = new IdentityHashMap<>();
    /** The clocks released on kernel objects (futex keys, pipes, thread groups, ...). */
    private final Map<Object, VectorClock> syncs = new HashMap<>();
    /** Every thread seen, by slot. */
    private final List<ThreadState> slots = new ArrayList<>();
    /** The number the next thread of each process gets (T1, T2, ...), by pid. */
    private final Map<Integer, Integer> threadNumbers = new HashMap<>();
    /** The pairs of pcs already reported, smaller pc first. */
    private final Set<List<Long>> reported = new HashSet<>();
    private int races;

    /** The access being checked (see {@link #check}), for {@link #race} and {@link #record}. */
    private Cpu cpu;
    private Task task;
    private ThreadState thread;
    private long pc, va;
    private int size;
    private boolean write, atomic;
    /** The stack of the access being checked, once something needed it. */
    private long[] stack;

    private RaceDetector(Scheduler sched, Consumer<String> sink, long limit) {
        this.sched = sched;
        this.sink = sink;
        this.limit = limit;
    }

    /**
     * Makes a detector for {@code kernel} (before it runs), reporting to {@code sink}: every
     * task created from now on tells it about its synchronisation, but no CPU is watched
     * yet; whoever composes observers (the schedule explorer) calls {@link #observe} first
     * and its own decision after it.
     */
    public static RaceDetector attach(Kernel kernel, Consumer<String> sink, long limit) {
        RaceDetector d = new RaceDetector(kernel.scheduler(), sink, limit);
        kernel.tasks().setHappensBefore(d);
        return d;
    }

    /** {@link #attach}, and the detector watches every CPU of {@code kernel}. */
    public static RaceDetector install(Kernel kernel, Consumer<String> sink, long limit) {
        RaceDetector d = attach(kernel, sink, limit);
        for (int i = 0; i < kernel.scheduler().cpuCount(); i++) kernel.cpu(i).setAccessObserver(d);
        return d;
    }

    /** How many races have been reported. */
    public int racesReported() {
        return races;
    }

    /** Whether the memory bound was reached (and detection stopped). */
    public boolean stopped() {
        return full;
    }

    // ---------------------------------------------------------------- accesses

    @Override
    public int observe(Cpu cpu, long pc, long va, int size, AccessKind kind, boolean atomic) {
        if (full) return PROCEED;
        Task t = sched.runQueue(cpu.id()).current();
        AddressSpace as = cpu.addressSpace();
        if (t.mm() == null || t.mm().addressSpace() != as) return PROCEED_UNCACHED;
        Shadow shadow = shadowOf(as);
        boolean write = kind == AccessKind.WRITE;
        this.cpu = cpu;
        this.task = t;
        this.thread = state(t);
        this.pc = pc;
        this.va = va;
        this.size = size;
        this.write = write;
        this.stack = null;
        boolean marked = atomic || atomicKind(shadow, as, pc, write);
        long end = va + size;
        for (long g = va & ~7L; g < end && !full; g += 8) {
            int lo = (int) Math.max(va - g, 0), hi = (int) Math.min(end - g, 8);
            check(shadow, g, (1 << hi) - (1 << lo), marked, atomic);
        }
        this.cpu = null;
        this.task = null;
        return full ? PROCEED : PROCEED_UNCACHED;
    }

    /**
     * The part of the access being checked that falls in granule {@code g} (its bytes in
     * {@code mask}): acquire, check, remember, release. {@code marked} says the access is
     * atomic, {@code rmw} that it is a read-modify-write.
     */
    private void check(Shadow shadow, long g, int mask, boolean marked, boolean rmw) {
        Granule gr = shadow.granule(g, true, this);
        if (gr.sync != null && (!write || rmw)) thread.vc.join(gr.sync);
        atomic = marked || !write && gr.sync != null;
        int added = gr.access(thread.slot, thread.vc, mask, write, atomic, this);
        if (added != 0) shadow.charge(this, added * ACCESS_BYTES);
        if (write && marked) {
            if (gr.sync == null) {
                gr.sync = new VectorClock();
                shadow.charge(this, 16);
            }
            releaseInto(gr.sync, thread, shadow);
        }
    }

    @Override
    public Access record(int mask) {
        return new Access(thread.slot, thread.epoch(), mask, write, atomic, va, size, stack());
    }

    @Override
    public void race(Access earlier) {
        long[] s = stack();
        long a = s[0], b = earlier.stack[0];
        if (!reported.add(List.of(Math.min(a, b), Math.max(a, b)))) return;
        races++;
        sink.accept(RaceReport.format(task, thread, write, atomic, va, size, s, earlier, slots.get(earlier.slot), slots));
    }

    /**
     * Whether the plain access at {@code pc} is half of one of C's atomic loads or stores:
     * a load followed by a fence, or a store after one (see the class comment). Remembered
     * per pc; an instruction that cannot be read counts as plain.
     */
    private static boolean atomicKind(Shadow shadow, AddressSpace as, long pc, boolean write) {
        int i = (int) (pc >>> 3) & (Shadow.FENCE_CACHE - 1);
        if (shadow.fencePc[i] != pc) {
            shadow.fencePc[i] = pc;
            shadow.fenceKind[i] = (byte) ((isFence(as, pc + Isa.INSN_BYTES) ? 1 : 0) | (isFence(as, pc - Isa.INSN_BYTES) ? 2 : 0));
        }
        return (shadow.fenceKind[i] & (write ? 2 : 1)) != 0;
    }

    private static boolean isFence(AddressSpace as, long pc) {
        try {
            return Isa.op(as.read64(pc)) == Isa.FENCE;
        } catch (MemoryFault e) {
            return false;
        }
    }

    /** The pc of the access being checked and the return addresses above it, at most {@link #STACK_FRAMES}. */
    private long[] stack() {
        if (stack == null) stack = trace.Symbolizer.backtrace(task, pc, cpu.reg(Isa.FP), cpu.reg(Isa.RA), STACK_FRAMES);
        return stack;
    }

    // ---------------------------------------------------------------- synchronisation

    @Override
    public void release(Waiter w, Object key) {
        if (!(w instanceof Task t) || full) return;
        VectorClock k = syncs.get(key);
        if (k == null) {
            syncs.put(key, k = new VectorClock());
            charge(64);
        }
        releaseInto(k, state(t), null);
    }

    @Override
    public void acquire(Waiter w, Object key) {
        if (!(w instanceof Task t) || full) return;
        VectorClock k = syncs.get(key);
        if (k != null) state(t).vc.join(k);
    }

    @Override
    public void releaseAt(Waiter w, long address) {
        if (!(w instanceof Task t) || full || t.mm() == null) return;
        Shadow shadow = shadowOf(t.mm().addressSpace());
        Granule gr = shadow.granule(address, true, this);
        if (gr.sync == null) {
            gr.sync = new VectorClock();
            shadow.charge(this, 16);
        }
        releaseInto(gr.sync, state(t), shadow);
    }

    @Override
    public void fork(Waiter p, Waiter c) {
        if (!(p instanceof Task parent) || !(c instanceof Task child) || full) return;
        ThreadState ps = state(parent);
        boolean thread = child.tgid() == parent.tgid();
        int number = thread ? threadNumbers.merge(child.tgid(), 1, Integer::sum) - 1 : 0;
        if (!thread) threadNumbers.put(child.tgid(), 1);
        child.setRaceState(newState(child, ps.vc.copy(), number));
        ps.tick();
    }

    @Override
    public void exec(Waiter w) {
        if (!(w instanceof Task t)) return;
        dropShadow(t);
        ThreadState ts = state(t);
        ts.number = 0;
        ts.pid = t.tgid();
        threadNumbers.put(t.tgid(), 1);
    }

    @Override
    public void exit(Waiter w) {
        if (!(w instanceof Task t)) return;
        if (!full) release(t, t.signal());
        dropShadow(t);
        if (t.raceState() instanceof ThreadState ts) ts.task = null;
    }

    /** Joins {@code ts}'s clock into {@code into}, and starts a new epoch of {@code ts}. */
    private void releaseInto(VectorClock into, ThreadState ts, Shadow shadow) {
        int before = into.size();
        into.join(ts.vc);
        long grown = (long) (into.size() - before) * SLOT_BYTES;
        if (shadow != null) shadow.charge(this, grown);
        else charge(grown);
        ts.tick();
    }

    /** Forgets the shadow of {@code t}'s address space if {@code t} is its last user. */
    private void dropShadow(Task t) {
        if (t.mm() == null || t.mm().users() > 1) return;
        Shadow s = shadows.remove(t.mm().addressSpace());
        if (s != null) used -= s.bytes;
    }

    // ---------------------------------------------------------------- bookkeeping

    /** The detector's record of {@code t}, made on first sight (a task that existed before it). */
    private ThreadState state(Task t) {
        if (t.raceState() instanceof ThreadState ts) return ts;
        int number = threadNumbers.merge(t.tgid(), 1, Integer::sum) - 1;
        ThreadState ts = newState(t, new VectorClock(), number);
        t.setRaceState(ts);
        return ts;
    }

    private ThreadState newState(Task t, VectorClock vc, int number) {
        ThreadState ts = new ThreadState(slots.size(), vc, t, number);
        slots.add(ts);
        charge(64 + (long) vc.size() * SLOT_BYTES);
        return ts;
    }

    private Shadow shadowOf(AddressSpace as) {
        Shadow s = shadows.get(as);
        if (s == null) {
            shadows.put(as, s = new Shadow());
            s.charge(this, 9L * Shadow.FENCE_CACHE);
        }
        return s;
    }

    /** Counts {@code n} more bytes of host memory; past the limit, detection stops (once, with a message). */
    void charge(long n) {
        used += n;
        if (used <= limit || full) return;
        full = true;
        String bound = limit >= 1 << 20 ? (limit >> 20) + " MiB" : (limit >> 10) + " KiB";
        sink.accept("clonix: the race detector's shadow memory reached its limit of " + bound
                + ": races after this point are not looked for\n");
    }
}
