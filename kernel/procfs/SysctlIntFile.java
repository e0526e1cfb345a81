package procfs;

import fs.Inode;
import fs.Mode;
import fs.OpenFile;
import fs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import sync.Waiter;
import syscall.Errno;

/**
 * A read-write /proc/sys file holding one integer, as Linux's {@code proc_dointvec_minmax}:
 * reading gives the value and a newline; writing a decimal number (surrounding white space
 * allowed) sets it, and anything else, or a number the setter refuses (out of its bounds),
 * fails with EINVAL and changes nothing. As with Linux's default sysctl_writes_strict, a
 * write at a non-zero offset is accepted and ignored, so a value is always written whole.
 */
public final class SysctlIntFile extends Inode {
    private final IntSupplier getter;
    private final IntPredicate setter;
    private final BooleanSupplier openerIsRoot;

    /**
     * A file showing {@code getter}'s value; a write calls {@code setter}, which applies the
     * new value and returns true, or returns false (EINVAL) if the value is out of bounds.
     * The file is root's, mode 0644: opening it for writing is EACCES unless
     * {@code openerIsRoot} says the task opening it has root's rights.
     */
    public SysctlIntFile(Vfs vfs, IntSupplier getter, IntPredicate setter, BooleanSupplier openerIsRoot) {
        super(vfs, Mode.S_IFREG | 0644);
        this.getter = getter;
        this.setter = setter;
        this.openerIsRoot = openerIsRoot;
    }

    /** Only root may open the file for writing (the permission check Linux makes on its 0644 mode). */
    @Override
    public long mayOpen(int flags, Waiter waiter) {
        boolean writes = (flags & fs.OpenFlags.O_ACCMODE) != fs.OpenFlags.O_RDONLY;
        return writes && !openerIsRoot.getAsBoolean() ? -Errno.EACCES : 0;
    }

    @Override
    public long dev() {
        return Vfs.PROC_DEV;
    }

    @Override
    public int links() {
        return 1;
    }

    @Override
    protected boolean isPinned() {
        return true;
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        byte[] text = (getter.getAsInt() + "\n").getBytes(StandardCharsets.US_ASCII);
        if (pos >= text.length) return 0;
        int n = (int) Math.min(len, text.length - pos);
        System.arraycopy(text, (int) pos, dst, off, n);
        return n;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        if (pos != 0) return len;
        Long value = parse(new String(src, off, len, StandardCharsets.US_ASCII));
        if (value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) return -Errno.EINVAL;
        if (!setter.test((int) (long) value)) return -Errno.EINVAL;
        return len;
    }

    /** O_TRUNC on a sysctl file does nothing, as on Linux (so {@code echo N > file} works). */
    @Override
    public int truncate(long length) {
        return 0;
    }

    /** The decimal number in {@code text}, white space around it allowed; null if there is none. */
    private static Long parse(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 12) return null;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
