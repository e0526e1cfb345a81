package vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vm.Isa.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an AccessObserver sees of a CPU's data accesses, and what its answers do. */
class AccessObserverTest {
    static final long DATA = Machine.DATA;

    /** Records every access it is shown and answers with a fixed verdict (STOP once, if asked). */
    static final class Recorder implements AccessObserver {
        final List<String> seen = new ArrayList<>();
        int verdict;
        boolean stopOnce;

        Recorder(int verdict) {
            this.verdict = verdict;
        }

        @Override
        public int observe(Cpu cpu, long pc, long va, int size, AccessKind kind, boolean atomic) {
            seen.add(String.format("%x %s %x/%d%s", pc, kind, va, size, atomic ? " atomic" : ""));
            if (stopOnce) {
                stopOnce = false;
                return STOP;
            }
            return verdict;
        }
    }

    /** "ld a0, 0(a1); sd a2, 8(a1); jal back to the ld", with a1 = DATA. */
    static Machine loop(AccessObserver o) {
        Machine m = new Machine().code(encode(LD, A0, A1, 0, 0), encode(SD, 0, A1, A2, 8), encode(JAL, ZERO, 0, 0, -16));
        m.set(A1, DATA);
        m.set(A2, 7);
        m.cpu.setAccessObserver(o);
        return m;
    }

    @Test
    void uncachedPagesAreObservedOnEveryAccessWithThePcOfTheInstruction() {
        Recorder r = new Recorder(AccessObserver.PROCEED_UNCACHED);
        Machine m = loop(r);
        m.runClean(6);
        assertEquals(List.of("400000 READ 600000/8", "400008 WRITE 600008/8",
                "400000 READ 600000/8", "400008 WRITE 600008/8"), r.seen);
        assertEquals(7, m.peekByte(DATA + 8));
    }

    @Test
    void aPageThatMayBeCachedIsObservedOnlyUntilItIsInTheTlb() {
        Recorder r = new Recorder(AccessObserver.PROCEED);
        Machine m = loop(r);
        m.runClean(30);
        // The load caches the page for loads only (it is not dirty yet), so the first store
        // is observed too; after that both hit the TLB.
        assertEquals(List.of("400000 READ 600000/8", "400008 WRITE 600008/8"), r.seen);
        // After a flush the load is observed again; the page is dirty by now, so the load's
        // fill lets the store through as well.
        m.cpu.flushTlb();
        m.runClean(3);
        assertEquals(List.of("400000 READ 600000/8", "400008 WRITE 600008/8", "400000 READ 600000/8"), r.seen);
    }

    @Test
    void stopLeavesTheInstructionUnexecutedAndItRunsWhenResumed() {
        Recorder r = new Recorder(AccessObserver.PROCEED_UNCACHED);
        Machine m = loop(r);
        m.runClean(1);
        r.stopOnce = true;
        long done = m.cpu.run(10);
        assertEquals(0, done);
        Trap t = m.cpu.trap();
        assertEquals(TrapCause.ACCESS_STOP, t.cause());
        assertEquals(Machine.CODE + 8, t.pc());
        assertEquals(DATA + 8, t.address());
        assertEquals(AccessKind.WRITE, t.access());
        assertEquals(0, m.peekByte(DATA + 8), "a stopped store writes nothing");
        m.runClean(1);
        assertEquals(7, m.peekByte(DATA + 8));
        assertEquals(List.of("400000 READ 600000/8", "400008 WRITE 600008/8", "400008 WRITE 600008/8"), r.seen);
    }

    @Test
    void atomicsAreObservedEvenWhenThePageIsCached() {
        Recorder r = new Recorder(AccessObserver.PROCEED);
        Machine m = new Machine().code(encode(FAAW, A0, A1, A2, 0), encode(JAL, ZERO, 0, 0, -8));
        m.set(A1, DATA);
        m.set(A2, 1);
        m.cpu.setAccessObserver(r);
        m.runClean(6);
        assertEquals(3, r.seen.size());
        assertEquals("400000 WRITE 600000/4 atomic", r.seen.get(2));
        assertEquals(3, m.peekByte(DATA));
    }

    @Test
    void aStoppedAtomicChangesNothing() {
        Recorder r = new Recorder(AccessObserver.PROCEED);
        Machine m = new Machine().code(encode(XCHGD, A0, A1, A2, 0));
        m.set(A1, DATA);
        m.set(A2, 9);
        m.set(A0, 5);
        m.cpu.setAccessObserver(r);
        r.stopOnce = true;
        Trap t = m.runTrap();
        assertEquals(TrapCause.ACCESS_STOP, t.cause());
        assertEquals(5, m.reg(A0));
        assertEquals(0, m.peekByte(DATA));
    }

    @Test
    void aFaultingAccessIsNotObserved() {
        Recorder r = new Recorder(AccessObserver.PROCEED_UNCACHED);
        Machine m = new Machine().code(encode(LD, A0, A1, 0, 0));
        m.set(A1, 0x900000);
        m.cpu.setAccessObserver(r);
        assertEquals(TrapCause.PAGE_FAULT, m.runTrap().cause());
        assertEquals(List.of(), r.seen);
    }

    @Test
    void withoutAnObserverNothingIsStopped() {
        Machine m = loop(null);
        m.runClean(30);
        assertNull(m.cpu.accessObserver());
    }
}
