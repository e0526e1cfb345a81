package futex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import syscall.Errno;

/** The futex queues: WAIT's value check, WAKE's count, FIFO order and bitsets, REQUEUE, cancel. */
class FutexQueueTest {
    private final Futex futex = new Futex();
    private final Object mm = new Object();
    private final Futex.Key word = new Futex.Key(mm, 0x1000), other = new Futex.Key(mm, 0x2000);
    private final List<String> wakeOrder = new ArrayList<>();

    /** A waiter that records when it is woken. */
    private final class Sleeper implements Futex.FutexWaiter {
        private final String name;
        private boolean woken;

        Sleeper(String name) {
            this.name = name;
        }

        @Override public void wake() { wakeOrder.add(name); }
        @Override public void setFutexWoken(boolean w) { woken = w; }
        @Override public boolean futexWoken() { return woken; }
    }

    private Sleeper sleep(String name, Futex.Key key, int bitset) {
        Sleeper s = new Sleeper(name);
        assertEquals(-Errno.BLOCKED, futex.waitOn(key, 7, 7, bitset, s));
        return s;
    }

    @Test
    void waitWithAStaleValueReturnsEagainAndDoesNotQueue() {
        Sleeper s = new Sleeper("s");
        assertEquals(-Errno.EAGAIN, futex.waitOn(word, 5, 6, Futex.FUTEX_BITSET_MATCH_ANY, s));
        assertEquals(0, futex.waiters(word));
        assertFalse(futex.isQueued(s));
    }

    @Test
    void wakeWakesAtMostNOldestFirstAndMarksThemWoken() {
        Sleeper a = sleep("a", word, -1), b = sleep("b", word, -1), c = sleep("c", word, -1);
        assertEquals(2, futex.wake(word, 2, -1));
        assertEquals(List.of("a", "b"), wakeOrder);
        assertTrue(a.futexWoken() && b.futexWoken());
        assertFalse(c.futexWoken());
        assertTrue(futex.isQueued(c));
        assertFalse(futex.isQueued(a));
        assertEquals(1, futex.waiters(word));
    }

    @Test
    void wakeOfZeroStillWakesOneAsLinux() {
        sleep("a", word, -1);
        sleep("b", word, -1);
        assertEquals(1, futex.wake(word, 0, -1));
        assertEquals(List.of("a"), wakeOrder);
    }

    @Test
    void anotherWordOrAddressSpaceIsAnotherFutex() {
        sleep("a", word, -1);
        assertEquals(0, futex.wake(other, 10, -1));
        assertEquals(0, futex.wake(new Futex.Key(new Object(), 0x1000), 10, -1));
        assertEquals(1, futex.wake(new Futex.Key(mm, 0x1000), 10, -1), "keys compare by value");
    }

    @Test
    void wakeBitsetSelectsOnlyWaitersSharingABit() {
        sleep("one", word, 1);
        sleep("two", word, 2);
        sleep("three", word, 3);
        assertEquals(2, futex.wake(word, 10, 2));
        assertEquals(List.of("two", "three"), wakeOrder);
        assertEquals(1, futex.waiters(word));
        assertEquals(1, futex.wake(word, 10, Futex.FUTEX_BITSET_MATCH_ANY));
    }

    @Test
    void requeueWakesTheFirstAndMovesTheNextToTheTailOfTheTarget() {
        sleep("t", other, -1);
        sleep("a", word, -1);
        sleep("b", word, -1);
        sleep("c", word, -1);
        sleep("d", word, -1);
        assertEquals(3, futex.requeue(word, other, 1, 2));
        assertEquals(List.of("a"), wakeOrder);
        assertEquals(1, futex.waiters(word));
        assertEquals(3, futex.waiters(other));
        assertEquals(3, futex.wake(other, 10, -1));
        assertEquals(List.of("a", "t", "b", "c"), wakeOrder);
    }

    @Test
    void requeueOfNothingAndOfZeroCountsDoesNothing() {
        assertEquals(0, futex.requeue(word, other, 5, 5));
        sleep("a", word, -1);
        assertEquals(0, futex.requeue(word, other, 0, 0));
        assertEquals(1, futex.waiters(word));
        assertTrue(wakeOrder.isEmpty());
    }

    @Test
    void requeueToTheSameWordKeepsTheWaiterQueued() {
        Sleeper a = sleep("a", word, -1);
        assertEquals(1, futex.requeue(word, word, 0, 1));
        assertTrue(futex.isQueued(a));
        assertEquals(1, futex.waiters(word));
    }

    @Test
    void cancelFindsTheWaiterEvenAfterARequeue() {
        Sleeper a = sleep("a", word, -1);
        futex.requeue(word, other, 0, 1);
        futex.cancel(a);
        assertFalse(futex.isQueued(a));
        assertEquals(0, futex.waiters(other));
        futex.cancel(a); // harmless twice
        assertTrue(wakeOrder.isEmpty());
    }
}
