package vm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The translated regions of every machine in this JVM, keyed by what they translate (the
 * page's address, and the slots and words of their blocks: JitRegionPlan.key), so that a
 * program run again, or the same C library in another process or another machine, is
 * translated once.
 *
 * <p>Each region is a hidden class (Lookup.defineHiddenClass), which HotSpot unloads once
 * nothing refers to it any more. To bound the host memory translated code can take, the
 * cache holds at most {@link #MAX_REGIONS} regions of at most {@link #CAPACITY} instructions
 * in all: when a new one would exceed either, the cache is emptied and its {@link #generation} advances, and every
 * {@link CodeCache} drops its references at the next run, like QEMU's flush of a full
 * translation buffer. Guests cannot tell: a region is a pure function of the CPU's state, so
 * dropping one costs only a translation.
 *
 * <p>Thread-safe: several machines may run on several host threads (parallel tests, explore).
 */
final class JitClasses {
    /** The most instructions translated at once; each takes some tens of bytes of bytecode and compiled code. */
    static final int CAPACITY = 1 << 16;
    /** The most regions kept; each is a class, with some KiB of metaspace and compiled code. */
    static final int MAX_REGIONS = 4096;

    private record Key(long[] key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.key, key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key);
        }
    }

    private static final ConcurrentHashMap<Key, JitRegion> regions = new ConcurrentHashMap<>();
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, JitRegionPlan.class);
    private static volatile int generation;
    /** The instructions the regions held translate; guarded by the class lock. */
    private static int held;

    private JitClasses() {}

    /** Changes each time the cache is emptied; a CodeCache of another generation must forget its regions. */
    static int generation() {
        return generation;
    }

    /**
     * The region of the page at {@code base}, whose frame is {@code code}, entered at the
     * instruction at {@code slot}: the code reachable from there (JitRegionPlan), with as many
     * blocks as HotSpot will compile in one method; translated now if need be. Null if that
     * instruction is not legal: the caller decided from a block length it remembered, and the
     * guest has written its code since (the interpreter then traps on it).
     */
    static JitRegion region(long base, byte[] code, int slot) {
        JitRegionPlan plan = JitRegionPlan.discover(base, code, slot, JitRegionPlan.MAX_BLOCKS);
        if (plan.blocks() == 0) return null;
        Key key = new Key(plan.key());
        JitRegion r = regions.get(key);
        if (r != null) return r;
        byte[] bytes = JitTranslator.translate(className(plan), plan);
        if (bytes == null) {
            // Too large for one method: the most blocks that fit, found by halving the range
            // between a count that fits and one that does not. The plan is a function of the
            // key, so the smaller region is kept under it.
            int fits = 0, tooMany = plan.blocks();
            JitRegionPlan best = null;
            byte[] bestBytes = null;
            while (tooMany - fits > 1) {
                int mid = (fits + tooMany) >>> 1;
                JitRegionPlan p = JitRegionPlan.discover(base, code, slot, mid);
                byte[] b = JitTranslator.translate(className(p), p);
                if (b == null) {
                    tooMany = mid;
                } else {
                    fits = mid;
                    best = p;
                    bestBytes = b;
                }
            }
            // One block always fits (JitEngineTest): anything else is a bug in the translator.
            if (best == null) throw new IllegalStateException("the block at 0x" + Long.toHexString(plan.pc(0)) + " is too large");
            plan = best;
            bytes = bestBytes;
        }
        return hold(key, define(plan, bytes));
    }

    /**
     * The counted translation ({@link JitRegionPlan#tail}) of the block at the instruction at
     * {@code slot} of the page at {@code base}, whose frame is {@code code}: the region that
     * runs the first instructions of that block when the budget left is shorter than it.
     * Translated now if need be; null, as for {@link #region}, if that instruction is not legal.
     */
    static JitRegion tail(long base, byte[] code, int slot) {
        JitRegionPlan plan = JitRegionPlan.tail(base, code, slot);
        if (plan.lengths[0] == 0) return null;
        Key key = new Key(plan.key());
        JitRegion r = regions.get(key);
        if (r != null) return r;
        byte[] bytes = JitTranslator.translate("vm/JitTail$" + Long.toHexString(plan.pc(0)), plan);
        // The longest block fits counted too (JitEngineTest): anything else is a bug in the translator.
        if (bytes == null) throw new IllegalStateException("the block at 0x" + Long.toHexString(plan.pc(0)) + " is too large");
        return hold(key, define(plan, bytes));
    }

    private static String className(JitRegionPlan plan) {
        return "vm/JitRegion$" + Long.toHexString(plan.pc(0));
    }

    /** The region {@link #region} gives for these arguments if it is translated already, else null. */
    static JitRegion find(long base, byte[] code, int slot) {
        return regions.get(new Key(JitRegionPlan.discover(base, code, slot, JitRegionPlan.MAX_BLOCKS).key()));
    }

    /** The counted translation {@link #tail} gives for these arguments if it is made already, else null. */
    static JitRegion findTail(long base, byte[] code, int slot) {
        return regions.get(new Key(JitRegionPlan.tail(base, code, slot).key()));
    }

    /** Keeps region r under key, emptying the cache first if it is full; returns the region kept. */
    private static JitRegion hold(Key key, JitRegion r) {
        synchronized (JitClasses.class) {
            if (held + r.size() > CAPACITY || regions.size() >= MAX_REGIONS) {
                regions.clear();
                held = 0;
                generation++;
            }
            JitRegion old = regions.putIfAbsent(key, r);
            if (old != null) return old;
            held += r.size();
            return r;
        }
    }

    /** The number of regions held (tests). */
    static int size() {
        return regions.size();
    }

    private static JitRegion define(JitRegionPlan plan, byte[] bytes) {
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
            return (JitRegion) hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR).invoke(plan);
        } catch (Throwable e) {
            // A translation the JVM rejects is a bug in the translator, never the guest's doing.
            throw new IllegalStateException("translation of the region at 0x" + Long.toHexString(plan.pc(0)) + " failed", e);
        }
    }
}
