package signal;

import java.util.ArrayDeque;
import vm.PhysicalMemory;

/**
 * A set of pending signals with what was sent with each, Linux's {@code struct sigpending}.
 * Every thread has a private one (signals sent to it: tgkill, faults) and every thread group
 * a shared one (signals sent to the process: kill).
 *
 * <p>Standard signals (1..31) do not queue: while one is pending, sending it again changes
 * nothing. Real-time signals (32..64) queue, each instance with its own siginfo, and are
 * taken in the order they were sent. An instance queued behind a pending one of the same
 * signal is paid for in the kernel's slab ({@link #SIGQUEUE_BYTES}, Linux's struct sigqueue)
 * until it is taken; {@link #MAX_QUEUED} bounds what one set may hold (Clonix's
 * RLIMIT_SIGPENDING). When either refuses, {@link #add} says {@link Added#OVERFLOW} and the
 * sender decides, as Linux's __send_signal does, between EAGAIN and losing the instance.
 * (The first instance of each signal is part of the thread's own cost: 64 at most.)
 */
public final class SigPending {
    /** The most real-time signals one set holds (RLIMIT_SIGPENDING, per set rather than per user). */
    public static final int MAX_QUEUED = 1024;
    /** What a queued instance costs in the slab: Linux's struct sigqueue, 80 bytes on x86-64. */
    public static final int SIGQUEUE_BYTES = 80;

    /** What {@link #add} did. */
    public enum Added {
        /** The signal is pending now, with this siginfo. */
        QUEUED,
        /** A standard signal already pending: nothing changed (legacy_queue). */
        ALREADY_PENDING,
        /** A real-time instance could not be queued: the set is full or memory is. */
        OVERFLOW
    }

    private long mask;
    /**
     * The siginfo of each pending signal. Made with the first signal, and the queues below
     * with the first queued instance: most tasks never get either, and fork makes two sets.
     */
    private SigInfo[] info;
    /** Real-time instances after the first, per signal, oldest first (null while none). */
    private ArrayDeque<SigInfo>[] queued;
    private int queuedCount;
    /** Where the queued instances are charged; set by the first one. */
    private PhysicalMemory phys;

    @SuppressWarnings("unchecked")
    private static ArrayDeque<SigInfo>[] newQueues() {
        return new ArrayDeque[task.Signals.NSIG + 1];
    }

    /** The pending signals, bit (sig - 1) for sig. */
    public long mask() {
        return mask;
    }

    /** True if {@code sig} is pending. */
    public boolean has(int sig) {
        return SigSet.has(mask, sig);
    }

    /**
     * Adds {@code i}, charging an instance queued behind a pending one to {@code phys}'s
     * slab. Nothing changes unless the answer is {@link Added#QUEUED}.
     */
    public Added add(SigInfo i, PhysicalMemory phys) {
        int sig = i.signo();
        if (has(sig)) {
            if (sig < SigSet.SIGRTMIN) return Added.ALREADY_PENDING;
            if (queuedCount >= MAX_QUEUED || !phys.chargeSlab(SIGQUEUE_BYTES)) return Added.OVERFLOW;
            this.phys = phys;
            if (queued == null) queued = newQueues();
            if (queued[sig] == null) queued[sig] = new ArrayDeque<>();
            queued[sig].addLast(i);
            queuedCount++;
            return Added.QUEUED;
        }
        mask |= SigSet.bit(sig);
        if (info == null) info = new SigInfo[task.Signals.NSIG + 1];
        info[sig] = i;
        return Added.QUEUED;
    }

    /** True if {@code i} itself (not an equal siginfo) is pending here, first or queued. */
    public boolean holds(SigInfo i) {
        int sig = i.signo();
        if (!has(sig)) return false;
        if (info[sig] == i) return true;
        if (queued != null && queued[sig] != null) for (SigInfo q : queued[sig]) if (q == i) return true;
        return false;
    }

    /** How many signal instances are pending: one per standard signal, every queued real-time one. */
    public int count() {
        return Long.bitCount(mask) + queuedCount;
    }

    /** Removes the oldest instance of {@code sig} and returns its siginfo, or null if it was not pending. */
    public SigInfo take(int sig) {
        if (!has(sig)) return null;
        SigInfo i = info[sig];
        ArrayDeque<SigInfo> more = queued == null ? null : queued[sig];
        if (more != null && !more.isEmpty()) {
            info[sig] = more.removeFirst();
            queuedCount--;
            phys.unchargeSlab(SIGQUEUE_BYTES);
        } else {
            mask &= ~SigSet.bit(sig);
            info[sig] = null;
        }
        return i;
    }

    /** Forgets every pending signal, giving back what the queued ones cost (Linux's flush_sigqueue). */
    public void flush() {
        discard(-1L);
    }

    /** Forgets every pending instance of the signals in {@code set}. */
    public void discard(long set) {
        for (int sig = 1; sig <= task.Signals.NSIG; sig++) {
            while (SigSet.has(set, sig) && has(sig)) take(sig);
        }
    }

    /**
     * The signal that dequeue_signal would take among those not in {@code blocked}: a fault's
     * signal first (SIGSEGV and the like, so that a fault is handled before whatever else
     * was pending), else the lowest number; 0 if none.
     */
    public int next(long blocked) {
        long ready = mask & ~blocked;
        if (ready == 0) return 0;
        long sync = ready & SigSet.SYNCHRONOUS;
        if (sync != 0) ready = sync;
        return Long.numberOfTrailingZeros(ready) + 1;
    }
}
