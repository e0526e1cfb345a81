package syscall;

import fs.UserMemory;
import java.util.SplittableRandom;
import task.Task;

/**
 * getrandom(2) (318): random bytes for the guest. Linux mixes hardware noise into its pool;
 * Clonix draws from one generator seeded by the machine's seed, so the same options and seed
 * give the same bytes in the same order and a run can be repeated exactly. The pool is
 * always "ready", so GRND_NONBLOCK never has to answer EAGAIN. Not for cryptography.
 */
public final class GetrandomCalls {
    /** getrandom's flags. */
    static final int GRND_NONBLOCK = 0x1, GRND_RANDOM = 0x2, GRND_INSECURE = 0x4;
    /** Linux's MAX_RW_COUNT: the most one call returns (INT_MAX rounded down to a page). */
    static final long MAX_RW_COUNT = Integer.MAX_VALUE & ~4095L;
    private static final int CHUNK = 4096;

    private GetrandomCalls() {}

    /** Registers getrandom on {@code table}, with bytes drawn from {@code seed}. */
    public static void register(SyscallTable table, long seed) {
        // A fixed constant keeps this stream apart from the scheduler's, which uses the same seed.
        SplittableRandom pool = new SplittableRandom(seed ^ 0x6765_7472_616e_646fL);
        table.register(318, "getrandom", (t, a) -> getrandom(pool, t, a[0], a[1], a[2]));
    }

    /**
     * getrandom(buf, buflen, flags), in Linux's order: EINVAL for unknown flags or
     * GRND_RANDOM with GRND_INSECURE, EFAULT if the buffer is not in user space; then as many
     * bytes as can be stored (at most MAX_RW_COUNT), EFAULT only if not even the first can.
     */
    static long getrandom(SplittableRandom pool, Task t, long buf, long len, long flags) {
        if ((flags & ~(long) (GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) != 0) return -Errno.EINVAL;
        if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM)) return -Errno.EINVAL;
        long count = Long.compareUnsigned(len, MAX_RW_COUNT) > 0 ? MAX_RW_COUNT : len;
        if (!UserMemory.accessOk(buf, count)) return -Errno.EFAULT;
        UserMemory mem = new MmUserMemory(t.mm());
        byte[] chunk = new byte[(int) Math.min(CHUNK, count)];
        long done = 0;
        while (done < count) {
            int n = (int) Math.min(chunk.length, count - done);
            pool.nextBytes(chunk);
            long fault = mem.copyOut(buf + done, chunk, 0, n);
            if (fault != UserMemory.NO_FAULT) {
                done += fault - (buf + done);
                break;
            }
            done += n;
        }
        return done > 0 || count == 0 ? done : -Errno.EFAULT;
    }
}
