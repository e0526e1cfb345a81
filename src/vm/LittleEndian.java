package vm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian loads and stores of 1, 2, 4 or 8 bytes in a frame's {@code byte[]}, for the
 * out-of-line paths (the MMU's slow path, the kernel's accessors, the loader and tests). The
 * interpreter's fast path uses the same VarHandles directly.
 */
final class LittleEndian {
    private LittleEndian() {}

    static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The {@code size}-byte value at {@code page[off..]}, zero-extended. */
    static long load(byte[] page, int off, int size) {
        switch (size) {
            case 1: return page[off] & 0xFFL;
            case 2: return (short) I16.get(page, off) & 0xFFFFL;
            case 4: return (int) I32.get(page, off) & 0xFFFF_FFFFL;
            default: return (long) I64.get(page, off);
        }
    }

    /** Stores the low {@code size} bytes of {@code v} at {@code page[off..]}. */
    static void store(byte[] page, int off, int size, long v) {
        switch (size) {
            case 1: page[off] = (byte) v; break;
            case 2: I16.set(page, off, (short) v); break;
            case 4: I32.set(page, off, (int) v); break;
            default: I64.set(page, off, v); break;
        }
    }
}
