package syscall;

import java.nio.charset.StandardCharsets;
import task.Task;
import vm.AddressSpace;

/**
 * prctl(2), the options a thread library needs: PR_SET_NAME and PR_GET_NAME, the calling
 * thread's command name (the comm of /proc/PID/task/TID/comm and of ps). glibc's
 * pthread_setname_np uses them when a thread names itself. Every other option is EINVAL,
 * as Linux answers an option it does not know.
 */
public final class PrctlCalls {
    private PrctlCalls() {}

    /** Linux's option numbers. */
    static final int PR_SET_NAME = 15, PR_GET_NAME = 16;

    /** TASK_COMM_LEN: the name's bytes including the terminating NUL. */
    private static final int COMM_BYTES = 16;

    /** Registers prctl on {@code table}. */
    public static void register(SyscallTable table) {
        table.register(157, "prctl", (t, a) -> prctl(t, (int) a[0], a[1]));
    }

    /** prctl(option, arg2, ...): 0, or -EINVAL for an unknown option, -EFAULT for a bad buffer. */
    static long prctl(Task t, int option, long addr) {
        return switch (option) {
            case PR_SET_NAME -> setName(t, addr);
            case PR_GET_NAME -> getName(t, addr);
            default -> -Errno.EINVAL;
        };
    }

    /** As Linux: at most 15 bytes are read, up to a NUL, so a longer name is cut, not refused. */
    private static long setName(Task t, long addr) {
        byte[] name = new byte[COMM_BYTES - 1];
        int n = 0;
        while (n < name.length) {
            if (t.mm().copyIn(addr + n, name, n, 1) != AddressSpace.NO_FAULT) return -Errno.EFAULT;
            if (name[n] == 0) break;
            n++;
        }
        t.setComm(new String(name, 0, n, StandardCharsets.UTF_8));
        return 0;
    }

    /** Writes the name padded with NULs to 16 bytes. */
    private static long getName(Task t, long addr) {
        byte[] out = new byte[COMM_BYTES];
        byte[] name = t.comm().getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, out, 0, Math.min(name.length, COMM_BYTES - 1));
        return t.mm().copyOut(addr, out, 0, COMM_BYTES) == AddressSpace.NO_FAULT ? 0 : -Errno.EFAULT;
    }
}
