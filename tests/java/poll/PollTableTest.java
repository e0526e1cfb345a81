package poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fs.Poll;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sync.PollTable;
import sync.WaitQueue;
import sync.Waiter;

/**
 * The wait entries of poll, select and epoll: a keyed wake-up (wake_up_poll) wakes only the
 * entries that wait for its events, plus every plain waiter, and leaves the others queued;
 * POLLERR and POLLHUP concern every entry; detach leaves every queue joined.
 */
class PollTableTest {
    @Test
    void keyedWakeUpsReachOnlyTheEntriesWaitingForThoseEvents() {
        List<String> woken = new ArrayList<>();
        PollTable reader = new PollTable(() -> woken.add("reader"));
        reader.setKey(Poll.POLLIN);
        PollTable writer = new PollTable(() -> woken.add("writer"));
        writer.setKey(Poll.POLLOUT);
        Waiter task = () -> woken.add("task");
        WaitQueue q = new WaitQueue();
        q.add(reader);
        q.add(writer);
        q.add(task);
        q.wakeUpPoll(Poll.POLLIN | Poll.POLLRDNORM);
        assertEquals(List.of("reader", "task"), woken);
        assertEquals(List.of(writer), q.waiters(), "the writer's entry stays queued");
        woken.clear();
        q.wakeUpPoll(Poll.POLLHUP);
        assertEquals(List.of("writer"), woken, "a hang-up concerns every entry");
    }

    @Test
    void detachLeavesEveryQueueJoined() {
        PollTable entry = new PollTable(() -> {});
        WaitQueue a = new WaitQueue(), b = new WaitQueue(), c = new WaitQueue();
        a.add(entry);
        b.add(entry);
        b.add(entry); // already there: joined once
        entry.detach();
        assertTrue(a.isEmpty());
        assertTrue(b.isEmpty());
        c.add(entry);
        a.wakeUp();
        assertFalse(c.isEmpty(), "a queue joined after the detach keeps it");
        entry.detach();
        assertTrue(c.isEmpty());
    }
}
