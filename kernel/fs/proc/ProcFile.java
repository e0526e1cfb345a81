package fs.proc;

import fs.Inode;
import fs.Mode;
import fs.OpenFile;
import fs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import sync.Waiter;
import syscall.Errno;

/**
 * A read-only /proc file whose text is produced by a callback, as Linux's seq_file: the text
 * is generated at the first read of an open file and kept with that open file, so a program
 * reading it in small pieces sees one consistent snapshot; opening it again gives fresh text.
 * Like Linux's, a /proc file reports size 0.
 */
public final class ProcFile extends Inode {
    private final Supplier<String> contents;

    /** A file whose text {@code contents} produces (called once per open file, at its first read). */
    public ProcFile(Vfs vfs, Supplier<String> contents) {
        super(vfs, Mode.S_IFREG | 0444);
        this.contents = contents;
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
        if (!(file.privateData() instanceof byte[])) {
            file.setPrivateData(contents.get().getBytes(StandardCharsets.UTF_8));
        }
        byte[] text = (byte[]) file.privateData();
        if (pos >= text.length) return 0;
        int n = (int) Math.min(len, text.length - pos);
        System.arraycopy(text, (int) pos, dst, off, n);
        return n;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        return -Errno.EIO;
    }
}
