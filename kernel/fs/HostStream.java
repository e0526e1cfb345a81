package fs;

import sync.Waiter;

/**
 * A standard stream of the guest that the host has redirected: under {@code ./clonix run},
 * the host's standard output may be a file or a pipe rather than a terminal, and then so is
 * the command's (boot.Kernel#setTerminals). Bytes go to and come from the console exactly as
 * through /dev/console ({@link ConsoleDevice}, whose reading and waiting it borrows), but it
 * is no terminal: TCGETS fails with ENOTTY, so isatty(3) says 0 and stdio buffers the stream
 * fully, as glibc does on Linux for a file or a pipe. It looks like a pipe (S_IFIFO, 0600,
 * not seekable), since the guest cannot seek the host's file either. It has no name and
 * goes when its last descriptor is closed.
 */
public final class HostStream extends Inode {
    private final ConsoleDevice console;

    /** A stream of {@code vfs} over its console. */
    public HostStream(Vfs vfs) {
        super(vfs, Mode.S_IFIFO | 0600);
        this.console = vfs.console();
    }

    @Override
    public boolean isSeekable() {
        return false;
    }

    @Override
    public long read(OpenFile file, long pos, byte[] dst, int off, int len, Waiter waiter) {
        return console.read(file, pos, dst, off, len, waiter);
    }

    @Override
    public long write(OpenFile file, long pos, byte[] src, int off, int len, Waiter waiter) {
        return console.write(file, pos, src, off, len, waiter);
    }

    /** Ready when the console is: a read waits for input as it would on /dev/console. */
    @Override
    public int poll(OpenFile file, Waiter waiter) {
        return console.poll(file, waiter);
    }
}
