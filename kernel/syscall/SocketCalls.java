package syscall;

import fs.Vfs;
import net.MessageSyscalls;
import net.SockOpts;
import net.SocketSyscalls;
import net.UnixNet;
import signal.SigInfo;
import signal.SignalSend;
import task.Signals;
import task.Task;
import task.Tasks;

/**
 * Wires the socket calls (package net, AF_UNIX) into the table with their Linux x86-64
 * numbers. Each entry only unpacks the caller's descriptor table, fs_struct and memory; the
 * work is in net.SocketSyscalls, net.MessageSyscalls and net.SockOpts. A send on a stream
 * whose peer is gone sends the sender SIGPIPE unless MSG_NOSIGNAL, as Linux's
 * unix_stream_sendmsg does.
 */
public final class SocketCalls {
    private SocketCalls() {}

    /** Registers every socket call on {@code table}; sockets live on {@code vfs}. */
    public static void register(SyscallTable table, Tasks ts, Vfs vfs) {
        UnixNet net = new UnixNet(vfs, w -> w instanceof Task t
                ? new int[] {t.tgid(), t.cred().euid(), t.cred().egid()} : null);
        SocketSyscalls s = new SocketSyscalls(net);
        MessageSyscalls m = new MessageSyscalls(net);
        table.register(41, "socket", (t, a) -> s.socket(t.files(), a[0], a[1], a[2]));
        table.register(42, "connect", (t, a) -> s.connect(t.files(), t.fs(), mem(t), t, a[0], a[1], a[2]));
        table.register(43, "accept", (t, a) -> s.accept(t.files(), mem(t), t, a[0], a[1], a[2]));
        table.register(44, "sendto", (t, a) -> sigpipe(ts, t, a[0], a[3],
                m.sendto(t.files(), t.fs(), mem(t), t, a[0], a[1], a[2], a[3], a[4], a[5])));
        table.register(45, "recvfrom", (t, a) -> m.recvfrom(t.files(), mem(t), t, a[0], a[1], a[2], a[3], a[4], a[5]));
        table.register(46, "sendmsg",
                (t, a) -> sigpipe(ts, t, a[0], a[2], m.sendmsg(t.files(), t.fs(), mem(t), t, a[0], a[1], a[2])));
        table.register(47, "recvmsg", (t, a) -> m.recvmsg(t.files(), mem(t), t, a[0], a[1], a[2]));
        table.register(48, "shutdown", (t, a) -> s.shutdown(t.files(), a[0], a[1]));
        table.register(49, "bind", (t, a) -> s.bind(t.files(), t.fs(), mem(t), a[0], a[1], a[2]));
        table.register(50, "listen", (t, a) -> s.listen(t.files(), t, a[0], a[1]));
        table.register(51, "getsockname", (t, a) -> s.getsockname(t.files(), mem(t), a[0], a[1], a[2]));
        table.register(52, "getpeername", (t, a) -> s.getpeername(t.files(), mem(t), a[0], a[1], a[2]));
        table.register(53, "socketpair", (t, a) -> s.socketpair(t.files(), mem(t), t, a[0], a[1], a[2], a[3]));
        table.register(54, "setsockopt", (t, a) -> SockOpts.setsockopt(t.files(), mem(t), a[0], a[1], a[2], a[3], a[4]));
        table.register(55, "getsockopt", (t, a) -> SockOpts.getsockopt(t.files(), mem(t), a[0], a[1], a[2], a[3], a[4]));
        table.register(288, "accept4", (t, a) -> s.accept4(t.files(), mem(t), t, a[0], a[1], a[2], a[3]));
    }

    private static MmUserMemory mem(Task t) {
        return new MmUserMemory(t.mm());
    }

    /** A stream send that found no reader: SIGPIPE to the sending thread, as FileCalls does for pipes. */
    private static long sigpipe(Tasks ts, Task t, long fd, long flags, long result) {
        if (MessageSyscalls.raisesSigpipe(t.files(), fd, flags, result)) {
            SignalSend.send(ts, t, SigInfo.user(Signals.SIGPIPE, SigInfo.SI_USER, t.tgid(), t.cred().uid()), false);
        }
        return result;
    }
}
