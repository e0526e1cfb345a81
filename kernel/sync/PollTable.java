package sync;

import java.util.ArrayList;
import java.util.List;

/**
 * A waiter that remembers the wait queues it joined, as Linux's {@code poll_table} with its
 * wait entries: poll(2) and select(2) pass one to every file they ask
 * ({@code fs.Inode#poll}), and an epoll watch is one for its file. Waking it runs
 * {@code onWake}; {@link #detach} takes it off every queue it is still on, so a finished
 * poll leaves nothing behind.
 *
 * <p>It answers only wake-ups for the events in its key ({@link #setKey}), plus POLLERR and
 * POLLHUP, which are always reported (Linux's pollwake and ep_poll_callback filter the same
 * way). Locking: none, the kernel runs on one host thread.
 */
public final class PollTable implements Waiter {
    /** POLLERR | POLLHUP: wake-ups for these concern every entry. */
    private static final int ALWAYS = 0x008 | 0x010;

    private final Runnable onWake;
    /**
     * The queues joined since the last {@link #detach}, in order. WaitQueue.add tells only of
     * a new entry, so a queue is listed once as long as callers detach before they poll the
     * files again, as every user does; a queue that woke us may still be listed.
     */
    private final List<WaitQueue> queues = new ArrayList<>();
    private int key = ~0;

    /** A table whose wake-up runs {@code onWake} (wake a task, list an epoll item). */
    public PollTable(Runnable onWake) {
        this.onWake = onWake;
    }

    /** Sets the events this entry waits for (a poll mask); wake-ups for other events pass it by. */
    public void setKey(int events) {
        key = events | ALWAYS;
    }

    @Override
    public void wake() {
        onWake.run();
    }

    @Override
    public void queued(WaitQueue queue) {
        queues.add(queue);
    }

    @Override
    public boolean wantsEvents(int events) {
        return (events & key) != 0;
    }

    /** Leaves every queue it joined (Linux's poll_freewait, or ep_unregister_pollwait). */
    public void detach() {
        for (WaitQueue q : queues) q.remove(this);
        queues.clear();
    }
}
