package task;

import sync.WaitQueue;

/**
 * Signal actions shared by the tasks of a clone(CLONE_SIGHAND) family, as Linux's
 * {@code sighand_struct}: 64 slots, one per signal, each a {@code struct k_sigaction}
 * (handler address or SIG_DFL/SIG_IGN, SA_* flags, restorer address, the mask added while
 * the handler runs), and a reference count. rt_sigaction (signal.SignalCalls) writes them.
 *
 * <p>Ownership: each task holding it owns one reference, taken with {@link #share} or
 * received from {@link #copy}, and gives it back exactly once with {@link #release}.
 */
public final class SigHand {
    /** SIG_DFL and SIG_IGN, as the handler slot values Linux uses. */
    public static final long SIG_DFL = 0, SIG_IGN = 1;

    /**
     * The four parts of each action, all null while every action is the default (SIG_DFL,
     * and zero flags, restorer and mask), which is what most processes keep: fork then copies
     * nothing. The first {@link #setHandler} or {@link #setAction} makes all four.
     */
    private long[] handlers, flags, restorers, masks;
    private int refs = 1;
    /** Where signalfd readers and pollers of the tasks sharing this table wait (Linux's signalfd_wqh). */
    private final WaitQueue signalfdWait = new WaitQueue();

    /** A fresh table with every handler SIG_DFL, held by one reference. */
    public SigHand() {}

    /** Takes another reference (CLONE_SIGHAND) and returns this same table. */
    public SigHand share() {
        if (refs <= 0) throw new IllegalStateException("sighand already released");
        refs++;
        return this;
    }

    /** A private copy with one reference (fork without CLONE_SIGHAND copies the handlers). */
    public SigHand copy() {
        SigHand c = new SigHand();
        if (handlers != null) {
            c.handlers = handlers.clone();
            c.flags = flags.clone();
            c.restorers = restorers.clone();
            c.masks = masks.clone();
        }
        return c;
    }

    /** Drops one reference; returns true if it was the last. */
    public boolean release() {
        if (refs <= 0) throw new IllegalStateException("sighand released twice");
        return --refs == 0;
    }

    /** The queue a signal sent to one of the table's tasks wakes, for signalfd (see SignalSend). */
    public WaitQueue signalfdWait() {
        return signalfdWait;
    }

    /** How many tasks hold this table. */
    public int refCount() {
        return refs;
    }

    /** The handler slot for {@code sig} (1..64). */
    public long handler(int sig) {
        return handlers == null ? SIG_DFL : handlers[sig];
    }

    /** Sets the handler slot for {@code sig} (1..64), keeping its flags, restorer and mask. */
    public void setHandler(int sig, long handler) {
        makeActions();
        handlers[sig] = handler;
    }

    /** The SA_* flags of {@code sig}'s action. */
    public long flags(int sig) {
        return flags == null ? 0 : flags[sig];
    }

    /** The sa_restorer of {@code sig}'s action (the return trampoline; with SA_RESTORER). */
    public long restorer(int sig) {
        return restorers == null ? 0 : restorers[sig];
    }

    /** The signals blocked while {@code sig}'s handler runs (sa_mask). */
    public long mask(int sig) {
        return masks == null ? 0 : masks[sig];
    }

    /** Sets the whole action of {@code sig} (rt_sigaction). */
    public void setAction(int sig, long handler, long flags, long restorer, long mask) {
        makeActions();
        handlers[sig] = handler;
        this.flags[sig] = flags;
        restorers[sig] = restorer;
        masks[sig] = mask;
    }

    /**
     * Resets caught handlers to SIG_DFL, keeping SIG_IGN, as execve does (a new program
     * cannot have handlers at addresses of the old one).
     */
    public void resetForExec() {
        if (handlers == null) return;
        for (int s = 1; s < handlers.length; s++) {
            if (handlers[s] != SIG_IGN) handlers[s] = SIG_DFL;
            flags[s] = 0;
            restorers[s] = 0;
            masks[s] = 0;
        }
    }

    /** Makes the four arrays of actions, all default, if they are not there yet. */
    private void makeActions() {
        if (handlers != null) return;
        handlers = new long[Signals.NSIG + 1];
        flags = new long[Signals.NSIG + 1];
        restorers = new long[Signals.NSIG + 1];
        masks = new long[Signals.NSIG + 1];
    }
}
