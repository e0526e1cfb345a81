package vm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The translated blocks of every machine in this JVM, keyed by what they translate (the
 * address of the first instruction and the words), so that a program run again, or the same
 * C library in another process or another machine, is translated once.
 *
 * <p>Each block is a hidden class (Lookup.defineHiddenClass), which HotSpot unloads once
 * nothing refers to it any more. To bound the host memory translated code can take, the
 * cache holds at most {@link #CAPACITY} blocks: when it is full it is emptied and its
 * {@link #generation} advances, and every {@link CodeCache} drops its references at the next
 * run, like QEMU's flush of a full translation buffer. Guests cannot tell: a block is a pure
 * function of the CPU's state, so dropping one costs only a translation.
 *
 * <p>Thread-safe: several machines may run on several host threads (parallel tests, explore).
 */
final class JitClasses {
    /** The most blocks kept; each takes a few KiB of metaspace and compiled code. */
    static final int CAPACITY = 4096;

    private record Key(long pc, long[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.pc == pc && Arrays.equals(k.words, words);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(pc) * 31 + Arrays.hashCode(words);
        }
    }

    private static final ConcurrentHashMap<Key, JitBlock> blocks = new ConcurrentHashMap<>();
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, long.class, long[].class);
    private static volatile int generation;

    private JitClasses() {}

    /** Changes each time the cache is emptied; a CodeCache of another generation must forget its blocks. */
    static int generation() {
        return generation;
    }

    /** The block translating {@code words} at guest address {@code pc}, translated now if need be. */
    static JitBlock block(long pc, long[] words) {
        Key key = new Key(pc, words);
        JitBlock b = blocks.get(key);
        if (b != null) return b;
        b = define(pc, words);
        synchronized (JitClasses.class) {
            if (blocks.size() >= CAPACITY) {
                blocks.clear();
                generation++;
            }
            JitBlock old = blocks.putIfAbsent(key, b);
            return old != null ? old : b;
        }
    }

    /** The number of blocks held (tests). */
    static int size() {
        return blocks.size();
    }

    private static JitBlock define(long pc, long[] words) {
        byte[] bytes = JitTranslator.translate("vm/JitBlock$" + Long.toHexString(pc), pc, words);
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
            return (JitBlock) hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR).invoke(pc, words);
        } catch (Throwable e) {
            // A translation the JVM rejects is a bug in the translator, never the guest's doing.
            throw new IllegalStateException("translation of the block at 0x" + Long.toHexString(pc) + " failed", e);
        }
    }
}
