package fs;

import java.util.IdentityHashMap;
import java.util.Map;
import sync.WaitQueue;
import sync.Waiter;
import syscall.Errno;

/**
 * A named pipe (FIFO), made by mknod(S_IFIFO): a {@link Pipe} with a name in a directory,
 * which unrelated processes open by path. Reading and writing are a pipe's; what is special
 * is open, as in Linux's fifo_open:
 * <ul>
 * <li>O_RDONLY waits until a writer opens (with O_NONBLOCK it succeeds at once);
 * <li>O_WRONLY waits until a reader opens (with O_NONBLOCK and no reader: ENXIO);
 * <li>O_RDWR never waits.
 * </ul>
 *
 * <p><b>Waiting with restarted calls.</b> Linux counts an opener that is waiting as an open
 * end, so when the other side arrives it goes ahead at once and wakes it. Here a waiting
 * opener is not open yet (its open will run again from the start, see sync.WaitQueue), so
 * the FIFO remembers each sleeping opener's side in {@link #sleepers}: an arriving opener
 * goes ahead if an opener of the other side sleeps on {@link #openers()}. A sleeper also
 * remembers the other side's generation (bumped at every open of that side) and goes ahead
 * once it has moved, even if that end has closed again meanwhile: Linux's r_counter and
 * w_counter. A sleeper killed in its sleep is removed from the queue by the core and so no
 * longer counts.
 */
public final class Fifo extends Pipe {
    /** One sleeping opener: which side it opens, and the other side's generation when it slept. */
    private record Sleeper(boolean reading, long otherGeneration) {}

    private long readerGeneration, writerGeneration;
    private final WaitQueue openers = new WaitQueue();
    /** Looked up by waiter only, never iterated, so hash order cannot show. */
    private final Map<Waiter, Sleeper> sleepers = new IdentityHashMap<>();

    /** A new, unlinked FIFO with the given permission bits. */
    public Fifo(Vfs vfs, int perms) {
        super(vfs, perms);
    }

    /** A named FIFO lives on the file system that holds its name. */
    @Override
    public long dev() {
        return Vfs.RAMFS_DEV;
    }

    /** The queue where openers sleep until the other end opens. */
    public WaitQueue openers() {
        return openers;
    }

    @Override
    public long mayOpen(int flags, Waiter waiter) {
        switch (flags & OpenFlags.O_ACCMODE) {
            case OpenFlags.O_RDONLY:
                if (writers() > 0 || isSleeping(false) || waiter == null) return goAhead(waiter);
                return awaitOtherEnd(waiter, true);
            case OpenFlags.O_WRONLY:
                if (readers() > 0 || isSleeping(true)) return goAhead(waiter);
                if (waiter == null) return -Errno.ENXIO;
                return awaitOtherEnd(waiter, false);
            default:
                return goAhead(waiter);
        }
    }

    /** Whether an opener of the given side is asleep on the queue. */
    private boolean isSleeping(boolean reading) {
        for (Waiter w : openers.waiters()) {
            Sleeper s = sleepers.get(w);
            if (s != null && s.reading() == reading) return true;
        }
        return false;
    }

    private long goAhead(Waiter waiter) {
        if (waiter != null) sleepers.remove(waiter);
        return 0;
    }

    private long awaitOtherEnd(Waiter waiter, boolean reading) {
        long other = reading ? writerGeneration : readerGeneration;
        Sleeper s = sleepers.get(waiter);
        if (s != null && s.reading() == reading && s.otherGeneration() != other) return goAhead(waiter);
        if (s == null || s.reading() != reading) sleepers.put(waiter, new Sleeper(reading, other));
        openers.add(waiter);
        return -Errno.BLOCKED;
    }

    @Override
    protected void opened(OpenFile file) {
        super.opened(file);
        if (file.isReadable()) readerGeneration++;
        if (file.isWritable()) writerGeneration++;
        // Linux's fifo_open keeps w_counter in a reader's file: poll reports no hang-up
        // until a writer has come (and gone) since the reader opened.
        if (file.accessMode() == OpenFlags.O_RDONLY) file.setPrivateData(writerGeneration);
        openers.wakeUp();
    }

    @Override
    protected boolean writerCameSince(OpenFile file) {
        return !(file.privateData() instanceof Long seen) || seen != writerGeneration;
    }
}
