package net;

import static fs.Poll.POLLERR;
import static fs.Poll.POLLHUP;
import static fs.Poll.POLLIN;
import static fs.Poll.POLLOUT;
import static fs.Poll.POLLPRI;
import static fs.Poll.POLLRDHUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fs.FakeUserMemory;
import fs.FdTable;
import fs.OpenFile;
import fs.Vfs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sync.Waiter;

/**
 * What poll(2) sees on AF_UNIX sockets ({@link SocketInode#poll}), against the masks a gcc
 * build printed on Linux 6.18 for poll with POLLIN|POLLOUT|POLLRDHUP|POLLPRI asked (fresh
 * stream 0x14, fresh datagram 0x4, connected pair 0x4, data 0x5, peer's SHUT_WR 0x2005,
 * peer closed 0x2015, listener 0, listener with a connection 0x1, datagram sender facing a
 * full queue 0); and that a poller is woken by the change it waits for.
 */
class UnixSocketPollTest {
    private static final int ASKED = POLLIN | POLLOUT | POLLRDHUP | POLLPRI;

    private final Vfs vfs = new Vfs();
    private final UnixNet net = new UnixNet(vfs, w -> new int[] {1, 0, 0});
    private final SocketSyscalls calls = new SocketSyscalls(net);
    private final MessageSyscalls messages = new MessageSyscalls(net);
    private final FdTable files = new FdTable();
    private final FakeUserMemory mem = new FakeUserMemory();

    /** A waiter that counts its wake-ups. */
    private static final class Poller implements Waiter {
        int woken;

        @Override
        public void wake() {
            woken++;
        }
    }

    /** What poll(2) would report for {@code fd}: the events asked, and the ones always reported. */
    private int revents(int fd, Waiter w) {
        OpenFile f = files.get(fd);
        return f.inode().poll(f, w) & (ASKED | POLLERR | POLLHUP);
    }

    private int[] pair(int type) {
        long sv = mem.alloc(8);
        assertEquals(0, calls.socketpair(files, mem, null, 1, type, 0, sv));
        return new int[] {mem.int32(sv), mem.int32(sv + 4)};
    }

    private long send(int fd, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return messages.sendto(files, vfs.newFsStruct(), mem, null, fd, mem.bytes(b), b.length, 0x40, 0, 0);
    }

    private long abstractAddress(String name) {
        byte[] a = new byte[3 + name.length()];
        a[0] = 1;
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, a, 3, name.length());
        return mem.bytes(a);
    }

    @Test
    void freshSocketsAreWritableAndAnUnconnectedStreamIsHungUp() {
        assertEquals(0x14, revents((int) calls.socket(files, 1, 1, 0), null));
        assertEquals(0x4, revents((int) calls.socket(files, 1, 2, 0), null));
        assertEquals(0x14, revents((int) calls.socket(files, 1, 5, 0), null));
    }

    @Test
    void aStreamPairReportsDataShutdownAndClose() {
        int[] sv = pair(1);
        assertEquals(0x4, revents(sv[0], null));
        Poller reader = new Poller();
        assertEquals(0x4, revents(sv[1], reader));
        assertEquals(1, send(sv[0], "x"));
        assertTrue(reader.woken > 0, "data wakes the poller");
        assertEquals(0x5, revents(sv[1], null));
        Poller again = new Poller();
        revents(sv[1], again);
        assertEquals(0, calls.shutdown(files, sv[0], 1));
        assertTrue(again.woken > 0, "the peer's shutdown wakes the poller");
        assertEquals(0x2005, revents(sv[1], null));
        assertEquals(0x4, revents(sv[0], null));
        files.close(sv[0]);
        assertEquals(0x2015, revents(sv[1], null));
    }

    @Test
    void aListenerIsReadableWhenAConnectionWaits() {
        int s = (int) calls.socket(files, 1, 1, 0);
        long addr = abstractAddress("pl");
        assertEquals(0, calls.bind(files, vfs.newFsStruct(), mem, s, addr, 5));
        assertEquals(0, calls.listen(files, null, s, 1));
        Poller accepter = new Poller();
        assertEquals(0, revents(s, accepter));
        int c = (int) calls.socket(files, 1, 1, 0);
        assertEquals(0, calls.connect(files, vfs.newFsStruct(), mem, null, c, addr, 5));
        assertTrue(accepter.woken > 0, "a connection wakes the poller");
        assertEquals(0x1, revents(s, null));
        assertEquals(0x4, revents(c, null));
    }

    @Test
    void aDatagramSenderFacingAFullQueueWaitsOnTheReceiver() {
        int r = (int) calls.socket(files, 1, 2, 0);
        int w = (int) calls.socket(files, 1, 2, 0);
        long addr = abstractAddress("pl");
        assertEquals(0, calls.bind(files, vfs.newFsStruct(), mem, r, addr, 5));
        assertEquals(0, calls.connect(files, vfs.newFsStruct(), mem, null, w, addr, 5));
        for (int i = 0; i < 11; i++) assertEquals(1, send(w, "m"));
        assertEquals(-syscall.Errno.EAGAIN, send(w, "m"));
        Poller sender = new Poller();
        assertEquals(0, revents(w, sender));
        assertEquals(0x5, revents(r, null));
        long buf = mem.alloc(8);
        assertEquals(1, messages.recvfrom(files, mem, null, r, buf, 8, 0, 0, 0));
        assertTrue(sender.woken > 0, "room in the queue wakes the sender");
        assertEquals(0x4, revents(w, null));
    }
}
