package printk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import sync.WaitQueue;

/**
 * The kernel's log, Linux's printk ring buffer (kernel/printk/printk.c): every message the
 * kernel prints is kept here with its log level and virtual time, and printed to the
 * console when its level is below the console log level. syslog(2) (and the {@code dmesg}
 * program over it) reads it back.
 *
 * <p><b>Format.</b> syslog(2) returns each record as Linux's syslog format does:
 * {@code <3>[    5.123456] text}, the facility and level (facility 0, the kernel), the time
 * since boot in seconds and microseconds, and the text, one line each. The console gets the
 * bare text and a newline (as Linux's console does with printk.time off), so that what the
 * kernel says reads like the rest of the console output.
 *
 * <p><b>Size.</b> The ring keeps {@link #LOG_BUF_LEN} bytes of message text (Linux's
 * default 128 KiB, CONFIG_LOG_BUF_SHIFT = 17); older records are dropped to make room, so a
 * guest that makes the kernel talk costs a bounded amount of host memory.
 *
 * <p><b>Positions.</b> Records are numbered in order. Two positions move through them as in
 * Linux: the clear position (what SYSLOG_ACTION_READ_ALL starts from; CLEAR moves it to the
 * end) and the syslog position of the destructive SYSLOG_ACTION_READ, which can stop inside
 * a record that did not fit and go on from there next time.
 *
 * <p>Runs on the kernel thread only.
 */
public final class KernelLog {
    /** The size of the ring, in bytes of message text (SYSLOG_ACTION_SIZE_BUFFER reports it). */
    public static final int LOG_BUF_LEN = 1 << 17;
    /** Log levels (include/linux/kern_levels.h). */
    public static final int KERN_EMERG = 0, KERN_ALERT = 1, KERN_CRIT = 2, KERN_ERR = 3, KERN_WARNING = 4,
            KERN_NOTICE = 5, KERN_INFO = 6, KERN_DEBUG = 7;
    /** Messages below this level go to the console at boot (CONSOLE_LOGLEVEL_DEFAULT). */
    public static final int CONSOLE_LOGLEVEL_DEFAULT = 7;
    /** The lowest console level SYSLOG_ACTION_CONSOLE_LEVEL and CONSOLE_OFF can set (minimum_console_loglevel). */
    public static final int CONSOLE_LOGLEVEL_MIN = 1;

    private record Record(long seq, long nanos, int level, String text) {}

    private final ArrayDeque<Record> records = new ArrayDeque<>();
    private long textBytes;
    private long nextSeq;
    private long clearSeq;
    private long syslogSeq;
    /** Bytes of the record at syslogSeq already returned by a READ that stopped inside it. */
    private int syslogPartial;
    private int consoleLoglevel = CONSOLE_LOGLEVEL_DEFAULT;
    /** The level CONSOLE_OFF saved for CONSOLE_ON, or -1 if none is saved. */
    private int savedConsoleLoglevel = -1;
    private final LongSupplier clock;
    private Consumer<String> console = text -> {};
    private final WaitQueue readers = new WaitQueue();

    /** An empty log whose records are stamped with {@code clock} (virtual nanoseconds since boot). */
    public KernelLog(LongSupplier clock) {
        this.clock = clock;
    }

    /** Where console output goes (the kernel connects the console at boot). */
    public void setConsole(Consumer<String> console) {
        this.console = console;
    }

    /**
     * printk: logs {@code text} (one line, no newline) at {@code level}, prints it on the
     * console if the level is below the console log level, and wakes syslog readers.
     */
    public void printk(int level, String text) {
        Record r = new Record(nextSeq++, clock.getAsLong(), level, text);
        records.addLast(r);
        textBytes += text.length();
        while (textBytes > LOG_BUF_LEN && records.size() > 1) {
            Record old = records.removeFirst();
            textBytes -= old.text.length();
        }
        if (level < consoleLoglevel) console.accept(text + "\n");
        readers.wakeUp();
    }

    /** The texts of the records kept, oldest first (for tests and the kernel's own use). */
    public List<String> messages() {
        List<String> list = new ArrayList<>();
        for (Record r : records) list.add(r.text);
        return list;
    }

    /**
     * SYSLOG_ACTION_READ_ALL (and READ_CLEAR with {@code clear}): the newest records from the
     * clear position on that fit in {@code len} bytes, in syslog format, oldest first. With
     * {@code clear} the clear position moves past them.
     */
    public byte[] readAll(int len, boolean clear) {
        List<byte[]> lines = new ArrayList<>();
        long end = clearSeq;
        for (Record r : records) {
            if (r.seq < clearSeq) continue;
            lines.add(format(r));
            end = r.seq + 1;
        }
        int total = 0;
        int first = lines.size();
        while (first > 0 && total + lines.get(first - 1).length <= len) total += lines.get(--first).length;
        if (clear) clearSeq = end;
        return join(lines.subList(first, lines.size()), total);
    }

    /**
     * SYSLOG_ACTION_READ: up to {@code len} bytes of the records not yet read this way,
     * oldest first, whole records while they fit; a record too large for what is left of an
     * empty buffer is returned in part and finished by the next read. Empty if nothing is unread.
     */
    public byte[] read(int len) {
        skipDropped();
        List<byte[]> out = new ArrayList<>();
        int total = 0;
        for (Record r : records) {
            if (r.seq < syslogSeq) continue;
            byte[] text = format(r);
            int rest = text.length - syslogPartial;
            if (rest <= len - total) {
                out.add(java.util.Arrays.copyOfRange(text, syslogPartial, text.length));
                total += rest;
                syslogSeq = r.seq + 1;
                syslogPartial = 0;
            } else {
                if (total == 0) {
                    out.add(java.util.Arrays.copyOfRange(text, syslogPartial, syslogPartial + len));
                    total = len;
                    syslogPartial += len;
                }
                break;
            }
        }
        return join(out, total);
    }

    /** True if SYSLOG_ACTION_READ has something to return. */
    public boolean hasUnread() {
        skipDropped();
        return syslogSeq < nextSeq;
    }

    /** SYSLOG_ACTION_SIZE_UNREAD: the bytes SYSLOG_ACTION_READ would return with a buffer large enough. */
    public int sizeUnread() {
        skipDropped();
        int n = 0;
        for (Record r : records) if (r.seq >= syslogSeq) n += format(r).length;
        return n - syslogPartial;
    }

    /** SYSLOG_ACTION_CLEAR: READ_ALL shows only what is logged from now on. */
    public void clear() {
        clearSeq = nextSeq;
    }

    /** SYSLOG_ACTION_CONSOLE_OFF: only the most urgent messages reach the console until CONSOLE_ON. */
    public void consoleOff() {
        if (savedConsoleLoglevel == -1) savedConsoleLoglevel = consoleLoglevel;
        consoleLoglevel = CONSOLE_LOGLEVEL_MIN;
    }

    /** SYSLOG_ACTION_CONSOLE_ON: the console level CONSOLE_OFF saved comes back. */
    public void consoleOn() {
        if (savedConsoleLoglevel != -1) {
            consoleLoglevel = savedConsoleLoglevel;
            savedConsoleLoglevel = -1;
        }
    }

    /** SYSLOG_ACTION_CONSOLE_LEVEL with a level of 1..8 (the caller checks): it also cancels CONSOLE_OFF. */
    public void setConsoleLevel(int level) {
        consoleLoglevel = Math.max(level, CONSOLE_LOGLEVEL_MIN);
        savedConsoleLoglevel = -1;
    }

    /** The console log level: messages of a lower level are printed on the console. */
    public int consoleLevel() {
        return consoleLoglevel;
    }

    /** Where SYSLOG_ACTION_READ sleeps until something is logged. */
    public WaitQueue readers() {
        return readers;
    }

    /** The syslog position moves past records the ring has dropped. */
    private void skipDropped() {
        long oldest = records.isEmpty() ? nextSeq : records.peekFirst().seq;
        if (syslogSeq < oldest) {
            syslogSeq = oldest;
            syslogPartial = 0;
        }
    }

    /** A record in syslog format: {@code <level>[seconds.micros] text\n}. */
    private static byte[] format(Record r) {
        String line = String.format(java.util.Locale.ROOT, "<%d>[%5d.%06d] %s\n", r.level, r.nanos / 1_000_000_000L, r.nanos % 1_000_000_000L / 1000, r.text);
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(List<byte[]> parts, int total) {
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
