package procfs;

import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import syscall.Errno;
import task.OomKiller;
import task.Task;
import task.Tasks;

/**
 * A write to /proc/PID/oom_score_adj, as Linux's {@code oom_score_adj_write}: at most 12
 * bytes are looked at (a longer write takes 12), white space around the number is dropped,
 * the number is read as kstrtoint reads it (an optional sign, then decimal, 0x hex or 0
 * octal: EINVAL for anything else, ERANGE beyond an int), and then task.OomKiller's rules
 * apply (EINVAL outside -1000..1000, EACCES below the process's floor for an unprivileged
 * writer). ESRCH once the process has been reaped. Only root and the process's own user may
 * write it (EACCES): the file is its process's, mode 0644. Linux also gives the file to root
 * once the process has changed its ids (it is no longer "dumpable"); Clonix does not.
 */
final class OomScoreAdj {
    private OomScoreAdj() {}

    /** Linux reads the value into a buffer of PROC_NUMBUF (13) bytes, one kept for the NUL. */
    static final int MAX_BYTES = 12;

    /**
     * The writer of {@code target}'s file: {@code writer} gives the task writing (the current
     * one), {@code reaped} whether the target is gone.
     */
    static ProcFile.Writer writer(Tasks tasks, Task target, Supplier<Task> writer, BooleanSupplier reaped) {
        return (src, off, len) -> {
            if (reaped.getAsBoolean()) return -Errno.ESRCH;
            Task who = writer.get();
            // The file is its process's (mode 0644): another user's process may not write it.
            if (who != null && !who.cred().capable() && who.cred().euid() != target.cred().euid()) return -Errno.EACCES;
            int count = Math.min(len, MAX_BYTES);
            Long value = kstrtol(new String(src, off, count, StandardCharsets.US_ASCII).strip());
            if (value == null) return -Errno.EINVAL;
            if (value != value.intValue()) return -Errno.ERANGE;
            int err = OomKiller.setScoreAdj(tasks, who, target, value.intValue());
            return err < 0 ? err : count;
        };
    }

    /**
     * The number in {@code s} as Linux's kstrtol with base 0 reads it: an optional sign, then
     * "0x" and hex digits, "0" and octal digits, or decimal digits, and nothing else; null if
     * it is not one. At most 12 characters arrive here, so a long always holds the value.
     */
    static Long kstrtol(String s) {
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) s = s.substring(1);
        int radix = 10;
        if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            radix = 8;
            s = s.substring(1);
        }
        if (s.isEmpty()) return null;
        long v = 0;
        for (char c : s.toCharArray()) {
            int d = Character.digit(c, radix);
            if (d < 0) return null;
            v = v * radix + d;
        }
        return negative ? -v : v;
    }
}
