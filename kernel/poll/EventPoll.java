package poll;

import fs.AnonInode;
import fs.FsMemory;
import fs.OpenFile;
import fs.Poll;
import fs.UserMemory;
import fs.Vfs;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sync.WaitQueue;
import sync.Waiter;
import syscall.Errno;

/**
 * An epoll instance (Linux's struct eventpoll): the watches made with epoll_ctl, keyed by
 * (file, descriptor) as Linux's red-black tree is, and the ready list of the watches whose
 * file has signalled an event they ask for. epoll_wait takes events from the ready list
 * instead of asking every file, which is what makes epoll cheap with many descriptors.
 *
 * <p><b>Level and edge.</b> Each watch on the ready list is asked again when it is
 * harvested ({@link #harvest}), and reported only if its events are still there. A
 * level-triggered watch goes back to the end of the list after being reported, so it is
 * reported again while the condition lasts; an edge-triggered one (EPOLLET) leaves the list
 * until its file signals again; an EPOLLONESHOT one is disarmed until EPOLL_CTL_MOD. With
 * fewer slots than ready watches, the ones not yet looked at stay first in line, so
 * successive calls take turns, as on Linux.
 *
 * <p><b>Lifetime.</b> A watch goes away with EPOLL_CTL_DEL, when the last descriptor of its
 * file is closed (the file's release hook), or with the instance. Each costs
 * {@link FsMemory#EP_ITEM_BYTES} and counts against max_user_watches (ENOSPC). An epoll
 * instance may watch another, but not one that watches it, directly or not (ELOOP).
 */
public final class EventPoll extends AnonInode {
    public static final int EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3;
    public static final int EPOLLEXCLUSIVE = 1 << 28, EPOLLWAKEUP = 1 << 29, EPOLLONESHOT = 1 << 30, EPOLLET = 1 << 31;
    /** The flags of a watch that are not events. */
    static final int EP_PRIVATE_BITS = EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE;
    /** What EPOLLEXCLUSIVE may be combined with. */
    static final int EPOLLEXCLUSIVE_OK_BITS = Poll.POLLIN | Poll.POLLOUT | Poll.POLLERR | Poll.POLLHUP | EPOLLWAKEUP
            | EPOLLET | EPOLLEXCLUSIVE;
    /** The most links of instances watching instances (Linux's EP_MAX_NESTS). */
    static final int EP_MAX_NESTS = 4;
    /** sizeof(struct epoll_event) on x86-64, where it is packed: u32 events, u64 data. */
    public static final int EVENT_SIZE = 12;

    /** The key of a watch: the same file under two descriptors makes two watches. */
    private record Key(OpenFile file, int fd) {}

    /** Looked up by key; iterated only in insertion order, so hash order never shows. */
    private final Map<Key, EpItem> items = new LinkedHashMap<>();
    /**
     * The ready list, in the order the watches became ready. A set kept in insertion order,
     * so that taking a watch out is cheap; EpItem keeps identity equality, so no hash
     * order ever shows.
     */
    private final Set<EpItem> ready = new LinkedHashSet<>();
    /**
     * The instances with a watch on this one, with how many watches each has (for the
     * nesting bound). Only the largest depth above is taken from it, which does not depend
     * on the order of iteration.
     */
    private final Map<EventPoll, Integer> watchers = new IdentityHashMap<>();
    /** epoll_wait sleepers, and pollers of the instance itself. */
    private final WaitQueue wait = new WaitQueue();

    /** A new, empty instance. */
    public EventPoll(Vfs vfs) {
        super(vfs, "eventpoll");
    }

    /**
     * epoll_ctl's work once the descriptors are checked: {@code op} on the watch of
     * {@code file} as {@code fd}. Linux's order: EINVAL for EPOLLEXCLUSIVE where it is not
     * allowed, ELOOP for a cycle of instances, then EEXIST (ADD) or ENOENT (MOD, DEL),
     * ENOSPC past max_user_watches, ENOMEM; EINVAL for MOD of an EPOLLEXCLUSIVE watch and
     * for an unknown op.
     */
    public long control(int op, OpenFile file, int fd, int events, long data) {
        boolean hasEvent = op != EPOLL_CTL_DEL;
        if (hasEvent && (events & EPOLLEXCLUSIVE) != 0) {
            if (op == EPOLL_CTL_MOD) return -Errno.EINVAL;
            if (op == EPOLL_CTL_ADD && (file.inode() instanceof EventPoll || (events & ~EPOLLEXCLUSIVE_OK_BITS) != 0)) {
                return -Errno.EINVAL;
            }
        }
        if (op == EPOLL_CTL_ADD && file.inode() instanceof EventPoll target && loops(target)) return -Errno.ELOOP;
        EpItem item = items.get(new Key(file, fd));
        switch (op) {
            case EPOLL_CTL_ADD:
                return item != null ? -Errno.EEXIST : insert(file, fd, events, data);
            case EPOLL_CTL_DEL:
                if (item == null) return -Errno.ENOENT;
                remove(item);
                return 0;
            case EPOLL_CTL_MOD:
                if (item == null) return -Errno.ENOENT;
                if ((item.events & EPOLLEXCLUSIVE) != 0) return -Errno.EINVAL; // an exclusive watch is never modified
                item.set(events, data);
                if (item.poll() != 0) list(item);
                return 0;
            default:
                return -Errno.EINVAL;
        }
    }

    /** Linux's ep_insert: takes a watch's budget, asks the file, and lists the item if ready. */
    private long insert(OpenFile file, int fd, int events, long data) {
        long err = vfs().memory().addEpollWatch();
        if (err < 0) return err;
        EpItem item = new EpItem(this, file, fd);
        item.set(events, data);
        items.put(new Key(file, fd), item);
        file.addReleaseHook(item);
        if (file.inode() instanceof EventPoll inner) inner.watchers.merge(this, 1, Integer::sum);
        if (item.poll() != 0) list(item);
        return 0;
    }

    /** Drops {@code item}: off the file's queues, the ready list and the file's hooks. */
    void remove(EpItem item) {
        if (items.remove(new Key(item.file, item.fd)) == null) return;
        item.entry.detach();
        ready.remove(item);
        item.onReadyList = false;
        item.file.removeReleaseHook(item);
        if (item.file.inode() instanceof EventPoll inner) inner.watchers.computeIfPresent(this, (ep, n) -> n > 1 ? n - 1 : null);
        vfs().memory().removeEpollWatch();
    }

    /** Linux's ep_poll_callback: a file woke the item's entry for an event it asks for. */
    void callback(EpItem item) {
        if (!item.isDisarmed()) list(item);
    }

    /** Puts {@code item} at the end of the ready list if it is not there, and wakes the waiters. */
    private void list(EpItem item) {
        if (!item.onReadyList) {
            item.onReadyList = true;
            ready.add(item);
        }
        wait.wakeUp();
    }

    /** Whether some watch is on the ready list (epoll_wait then harvests before it sleeps). */
    boolean hasReady() {
        return !ready.isEmpty();
    }

    /**
     * Linux's ep_send_events: asks each watch of the ready list, in order, and writes an
     * epoll_event {events, data} at {@code addr} for each one that has events, up to
     * {@code max}. Returns how many were written, or -EFAULT if the first one could not be.
     */
    long harvest(UserMemory mem, long addr, int max) {
        List<EpItem> again = new ArrayList<>();
        byte[] event = new byte[EVENT_SIZE];
        int n = 0;
        long result = 0;
        // Asking a file wakes nothing, so the list does not change under the iterator. A
        // watch leaves the list once looked at; the ones not looked at keep their places.
        for (Iterator<EpItem> it = ready.iterator(); it.hasNext() && n < max; ) {
            EpItem item = it.next();
            int revents = item.poll();
            if (revents != 0) {
                putInt(event, 0, revents);
                EventFd.putLong(event, 4, item.data);
                if (mem.copyOut(addr + (long) n * EVENT_SIZE, event, 0, EVENT_SIZE) != UserMemory.NO_FAULT) {
                    if (n == 0) result = -Errno.EFAULT;
                    break; // it stays in front, with the ones not looked at
                }
                n++;
            }
            it.remove();
            item.onReadyList = false;
            if (revents == 0) continue;
            if ((item.events & EPOLLONESHOT) != 0) {
                item.events &= EP_PRIVATE_BITS;
            } else if ((item.events & EPOLLET) == 0) {
                again.add(item);
            }
        }
        // Level-triggered watches reported go to the end, to be reported again while ready.
        for (EpItem item : again) {
            item.onReadyList = true;
            ready.add(item);
        }
        return result < 0 ? result : n;
    }

    /**
     * An epoll instance is readable while a watch on its ready list has its events (Linux's
     * ep_eventpoll_poll); a poller waits with the epoll_wait sleepers.
     */
    @Override
    public int poll(OpenFile file, Waiter waiter) {
        if (waiter != null) wait.add(waiter);
        for (EpItem item : ready) {
            if ((item.file.inode().poll(item.file, null) & item.events) != 0) return Poll.POLLIN | Poll.POLLRDNORM;
        }
        return 0;
    }

    /** Where epoll_wait sleeps. */
    WaitQueue waitQueue() {
        return wait;
    }

    /**
     * Linux's ep_loop_check for watching instance {@code to}: true if {@code to} reaches this
     * instance through its watches (a cycle), or if the chain of instances through the new
     * watch, from the highest one watching this instance down to the deepest one under
     * {@code to}, would pass {@link #EP_MAX_NESTS} links. The bound keeps every walk short.
     */
    private boolean loops(EventPoll to) {
        int down = to.depthBelow(this, new IdentityHashMap<>());
        return down > EP_MAX_NESTS || down + 1 + depthAbove(new IdentityHashMap<>()) > EP_MAX_NESTS;
    }

    /** How many links of nested instances lie below this one; more than EP_MAX_NESTS if {@code ep} is among them. */
    private int depthBelow(EventPoll ep, Map<EventPoll, Integer> seen) {
        if (this == ep) return EP_MAX_NESTS + 1;
        Integer known = seen.get(this);
        if (known != null) return known;
        int depth = 0;
        for (EpItem item : items.values()) {
            if (item.file.inode() instanceof EventPoll inner) depth = Math.max(depth, 1 + inner.depthBelow(ep, seen));
            if (depth > EP_MAX_NESTS) break;
        }
        seen.put(this, depth);
        return depth;
    }

    /** How many links of instances watching this one lie above it. */
    private int depthAbove(Map<EventPoll, Integer> seen) {
        Integer known = seen.get(this);
        if (known != null) return known;
        int depth = 0;
        for (EventPoll up : watchers.keySet()) depth = Math.max(depth, 1 + up.depthAbove(seen));
        seen.put(this, depth);
        return depth;
    }

    /** The last descriptor of the instance is closed: every watch goes. */
    @Override
    protected void released(OpenFile file) {
        for (EpItem item : new ArrayList<>(items.values())) remove(item);
        wait.wakeUp();
        super.released(file);
    }

    private static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
