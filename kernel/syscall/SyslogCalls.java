package syscall;

import printk.KernelLog;
import task.Task;
import task.Tasks;

/**
 * syslog(2), number 103 (glibc's klogctl): the kernel log's reader, Linux's do_syslog
 * (kernel/printk/printk.c) over {@link KernelLog}. {@code syslog(type, buf, len)}:
 *
 * <ul>
 * <li>0 CLOSE, 1 OPEN: nothing to do, 0.</li>
 * <li>2 READ: waits until something has been logged that this kind of read has not returned
 *     yet, then returns up to len bytes of it (destructive).</li>
 * <li>3 READ_ALL, 4 READ_CLEAR: the newest records that fit in len bytes (4 also clears).</li>
 * <li>5 CLEAR; 6 CONSOLE_OFF, 7 CONSOLE_ON; 8 CONSOLE_LEVEL (len is the level, 1..8).</li>
 * <li>9 SIZE_UNREAD: the bytes READ would return; 10 SIZE_BUFFER: the size of the ring.</li>
 * </ul>
 *
 * <p>As on Linux with kernel.dmesg_restrict = 0 (the kernel's default), anyone may use
 * READ_ALL and SIZE_BUFFER; everything else needs CAP_SYSLOG (EPERM), which is checked
 * first, so an unknown type is EPERM for an unprivileged caller and EINVAL otherwise. The
 * reads are EINVAL for a null buffer or a negative length, 0 for a length of 0, and EFAULT
 * when the buffer cannot be written.
 */
public final class SyslogCalls {
    private SyslogCalls() {}

    static final int CLOSE = 0, OPEN = 1, READ = 2, READ_ALL = 3, READ_CLEAR = 4, CLEAR = 5, CONSOLE_OFF = 6,
            CONSOLE_ON = 7, CONSOLE_LEVEL = 8, SIZE_UNREAD = 9, SIZE_BUFFER = 10;

    /** Registers syslog on {@code table}. */
    public static void register(SyscallTable table, Tasks ts) {
        table.register(103, "syslog", (t, a) -> syslog(ts.kernelLog(), t, (int) a[0], a[1], (int) a[2]));
    }

    private static long syslog(KernelLog log, Task t, int type, long buf, int len) {
        if (type != READ_ALL && type != SIZE_BUFFER && !t.cred().capable()) return -Errno.EPERM;
        switch (type) {
            case CLOSE, OPEN -> {
                return 0;
            }
            case READ -> {
                if (buf == 0 || len < 0) return -Errno.EINVAL;
                if (len == 0) return 0;
                if (!log.hasUnread()) {
                    log.readers().add(t);
                    return -Errno.BLOCKED;
                }
                return copyOut(t, buf, log.read(len));
            }
            case READ_ALL, READ_CLEAR -> {
                if (buf == 0 || len < 0) return -Errno.EINVAL;
                if (len == 0) return 0;
                return copyOut(t, buf, log.readAll(len, type == READ_CLEAR));
            }
            case CLEAR -> log.clear();
            case CONSOLE_OFF -> log.consoleOff();
            case CONSOLE_ON -> log.consoleOn();
            case CONSOLE_LEVEL -> {
                if (len < 1 || len > 8) return -Errno.EINVAL;
                log.setConsoleLevel(len);
            }
            case SIZE_UNREAD -> {
                return log.sizeUnread();
            }
            case SIZE_BUFFER -> {
                return KernelLog.LOG_BUF_LEN;
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
        return 0;
    }

    /** Copies {@code text} to {@code buf}: its length, or -EFAULT. */
    private static long copyOut(Task t, long buf, byte[] text) {
        if (t.mm().copyOut(buf, text, 0, text.length) != vm.AddressSpace.NO_FAULT) return -Errno.EFAULT;
        return text.length;
    }
}
