package fs;

import java.nio.charset.StandardCharsets;
import sync.Waiter;

/** One task's view of a fresh file system, with shorthand for the calls tests make. */
class FsFixture {
    /** A waiter that counts how often it was woken. */
    static final class CountingWaiter implements Waiter {
        int wakes;

        @Override
        public void wake() {
            wakes++;
        }
    }

    final Vfs vfs = new Vfs();
    final FdTable files = new FdTable();
    final FsStruct fs = vfs.newFsStruct();
    final FakeUserMemory mem = new FakeUserMemory();
    final FileSyscalls fileCalls = new FileSyscalls(vfs);
    final PathSyscalls pathCalls = new PathSyscalls(vfs);
    final StatSyscalls statCalls = new StatSyscalls();
    final CountingWaiter waiter = new CountingWaiter();

    long open(String path, int flags) {
        return pathCalls.open(files, fs, mem, mem.string(path), flags, 0644);
    }

    long open(String path, int flags, int mode) {
        return pathCalls.open(files, fs, mem, mem.string(path), flags, mode);
    }

    long write(long fd, String s) {
        return write(files, fd, s);
    }

    long write(FdTable table, long fd, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return fileCalls.write(table, mem, waiter, fd, mem.bytes(b), b.length);
    }

    /** Reads up to n bytes; returns them as a string, or "ERR-n" for -n. */
    String read(long fd, int n) {
        long buf = mem.alloc(n);
        long r = fileCalls.read(files, mem, waiter, fd, buf, n);
        if (r < 0) return "ERR" + r;
        return new String(mem.read(buf, (int) r), StandardCharsets.UTF_8);
    }

    long mkdir(String path) {
        return pathCalls.mkdir(files, fs, mem, mem.string(path), 0755);
    }

    long unlink(String path) {
        return pathCalls.unlink(files, fs, mem, mem.string(path));
    }

    long rmdir(String path) {
        return pathCalls.rmdir(files, fs, mem, mem.string(path));
    }

    long rename(String from, String to) {
        return pathCalls.rename(files, fs, mem, mem.string(from), mem.string(to));
    }

    long chdir(String path) {
        return pathCalls.chdir(fs, mem, mem.string(path));
    }

    long symlink(String target, String path) {
        return pathCalls.symlink(files, fs, mem, mem.string(target), mem.string(path));
    }

    String getcwd() {
        long buf = mem.alloc(4096);
        long r = pathCalls.getcwd(fs, mem, buf, 4096);
        if (r < 0) return "ERR" + r;
        return new String(mem.read(buf, (int) r - 1), StandardCharsets.UTF_8);
    }

    /** stat(path) into a fresh buffer; returns its address, or throws if it failed. */
    long stat(String path) {
        long buf = mem.alloc(StatSyscalls.STAT_SIZE);
        long r = statCalls.stat(files, fs, mem, mem.string(path), buf);
        if (r != 0) throw new AssertionError("stat " + path + " failed: " + r);
        return buf;
    }

    long statResult(String path) {
        return statCalls.stat(files, fs, mem, mem.string(path), mem.alloc(StatSyscalls.STAT_SIZE));
    }

    /** pipe(); returns {read fd, write fd}. */
    int[] pipe(int flags) {
        long fds = mem.alloc(8);
        long r = fileCalls.pipe2(files, mem, fds, flags);
        if (r != 0) throw new AssertionError("pipe2 failed: " + r);
        return new int[] {mem.int32(fds), mem.int32(fds + 4)};
    }
}
