package net;

import fs.OpenFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The garbage collector of sockets in flight, as Linux's unix_gc. A socket's file can
 * travel inside a message queued on a socket, even on itself: send a socket's descriptor
 * over its own connection and close every descriptor, and nothing but that queue refers to
 * it. Reference counts never reach zero in such a cycle, so the sockets would live forever.
 *
 * <p>The collector finds them. Candidates are the sockets whose every reference is in
 * flight (the file's count equals {@link UnixSock#inflight}). For each candidate it counts
 * how many of those references come from messages queued on other candidates; a candidate
 * with references left over is reachable from outside (from a descriptor table, or from a
 * message on a live socket), and so is everything in its queue. The candidates not reached
 * are garbage: their queues are purged, which drops the last references and releases them.
 * It runs when a socket is released while descriptions are in flight, as Linux's does, and
 * when a descriptor of a socket in flight is closed (SocketInode#flush), so that a cycle
 * is freed as soon as it forms.
 */
final class UnixGc {
    private UnixGc() {}

    /** Collects; {@code closing} (or null) is a description losing a reference right after. */
    static void collect(UnixNet net, OpenFile closing) {
        Map<UnixSock, Integer> outside = new HashMap<>();
        for (UnixSock sk : net.inflightSnapshot()) {
            if (sk.socket == null || sk.dead) continue;
            OpenFile f = fileOf(sk);
            if (sk.inflight == f.count() - (f == closing ? 1 : 0)) outside.put(sk, sk.inflight);
        }
        if (outside.isEmpty()) return;
        List<UnixSock> candidates = new ArrayList<>();
        for (UnixSock sk : net.inflightSnapshot()) if (outside.containsKey(sk)) candidates.add(sk);
        for (UnixSock sk : candidates) forEachChild(sk, child -> outside.computeIfPresent(child, (k, n) -> n - 1));
        // Everything reachable from a candidate with outside references, breadth first.
        List<UnixSock> reachable = new ArrayList<>();
        Set<UnixSock> seen = new HashSet<>();
        for (UnixSock sk : candidates) if (outside.get(sk) > 0 && seen.add(sk)) reachable.add(sk);
        for (int i = 0; i < reachable.size(); i++) {
            forEachChild(reachable.get(i), child -> {
                if (outside.containsKey(child) && seen.add(child)) reachable.add(child);
            });
        }
        List<SkBuff> garbage = new ArrayList<>();
        for (UnixSock sk : candidates) {
            if (seen.contains(sk)) continue;
            garbage.addAll(sk.queue);
            sk.queue.clear();
        }
        // Freeing drops the references; the sockets whose last they were are released.
        for (SkBuff skb : garbage) {
            if (skb.embryo != null) skb.embryo.release(true);
            skb.sender.freeSkb(skb);
        }
    }

    /** The open file of a socket that has one. */
    private static OpenFile fileOf(UnixSock sk) {
        return sk.socket.file();
    }

    /** Calls {@code action} for each socket whose file is in a message queued on {@code sk} (or on its embryos). */
    private static void forEachChild(UnixSock sk, Consumer<UnixSock> action) {
        for (SkBuff skb : sk.queue) {
            if (skb.embryo != null) {
                forEachChild(skb.embryo, action);
                continue;
            }
            if (skb.files == null) continue;
            for (OpenFile f : skb.files) if (f.inode() instanceof SocketInode s) action.accept(s.sock);
        }
    }
}
