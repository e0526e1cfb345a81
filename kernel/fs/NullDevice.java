package fs;

import sync.Waiter;

/** /dev/null (1:3): reads return end of file, writes succeed and vanish. */
public final class NullDevice extends CharDevice {
    public NullDevice(Vfs vfs) {
        super(vfs, 0666, 1, 3);
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        return 0;
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        return len;
    }
}
