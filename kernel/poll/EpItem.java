package poll;

import fs.OpenFile;
import fs.Poll;
import sync.PollTable;

/**
 * One watch of an epoll instance (Linux's struct epitem): a descriptor number and its open
 * file, the events asked for with their flags (EPOLLET, EPOLLONESHOT...), and the 64-bit
 * data returned with them. Its {@link PollTable} sits on the file's wait queues; when one of
 * them is woken for an event the watch asks for, the item goes on its instance's ready list
 * (Linux's ep_poll_callback). Being woken takes the entry off that queue, so the item joins
 * the queues again each time its file is asked (see {@link #poll}).
 */
final class EpItem implements OpenFile.ReleaseHook {
    final EventPoll ep;
    final OpenFile file;
    final int fd;
    /** The events and flags asked for; POLLERR and POLLHUP are always among them. */
    int events;
    long data;
    /** True while on the instance's ready list (Linux's ep_is_linked). */
    boolean onReadyList;
    final PollTable entry;

    EpItem(EventPoll ep, OpenFile file, int fd) {
        this.ep = ep;
        this.file = file;
        this.fd = fd;
        this.entry = new PollTable(() -> ep.callback(this));
    }

    /** Sets the events and data (EPOLL_CTL_ADD and MOD), adding POLLERR and POLLHUP. */
    void set(int events, long data) {
        this.events = events | Poll.POLLERR | Poll.POLLHUP;
        this.data = data;
        entry.setKey(this.events & ~EventPoll.EP_PRIVATE_BITS);
    }

    /** Whether EPOLLONESHOT has disarmed it: no event bits left until EPOLL_CTL_MOD. */
    boolean isDisarmed() {
        return (events & ~EventPoll.EP_PRIVATE_BITS) == 0;
    }

    /**
     * The events of the file that the item asks for now (Linux's ep_item_poll); the entry
     * leaves the queues it was on and joins the file's again, to hear of the next change.
     */
    int poll() {
        entry.detach();
        return file.inode().poll(file, entry) & events;
    }

    /** The file's last descriptor is gone: the watch goes with it (eventpoll_release_file). */
    @Override
    public void released(OpenFile f) {
        ep.remove(this);
    }
}
