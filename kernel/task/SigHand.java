package task;

/**
 * Signal handlers shared by the tasks of a clone(CLONE_SIGHAND) family, as Linux's
 * {@code sighand_struct}: 64 slots, one per signal, and a reference count. The signals work
 * fills the slots in (handler address, flags, mask); until then every slot is SIG_DFL (0).
 *
 * <p>Ownership: each task holding it owns one reference, taken with {@link #share} or
 * received from {@link #copy}, and gives it back exactly once with {@link #release}.
 */
public final class SigHand {
    /** SIG_DFL and SIG_IGN, as the handler slot values Linux uses. */
    public static final long SIG_DFL = 0, SIG_IGN = 1;

    private final long[] handlers = new long[Signals.NSIG + 1];
    private int refs = 1;

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
        System.arraycopy(handlers, 0, c.handlers, 0, handlers.length);
        return c;
    }

    /** Drops one reference; returns true if it was the last. */
    public boolean release() {
        if (refs <= 0) throw new IllegalStateException("sighand released twice");
        return --refs == 0;
    }

    /** How many tasks hold this table. */
    public int refCount() {
        return refs;
    }

    /** The handler slot for {@code sig} (1..64). */
    public long handler(int sig) {
        return handlers[sig];
    }

    /** Sets the handler slot for {@code sig} (1..64). */
    public void setHandler(int sig, long handler) {
        handlers[sig] = handler;
    }

    /**
     * Resets caught handlers to SIG_DFL, keeping SIG_IGN, as execve does (a new program
     * cannot have handlers at addresses of the old one).
     */
    public void resetForExec() {
        for (int s = 1; s < handlers.length; s++) if (handlers[s] != SIG_IGN) handlers[s] = SIG_DFL;
    }
}
