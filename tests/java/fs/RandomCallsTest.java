package fs;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Throws thousands of system calls with random arguments (bad descriptors, bad pointers,
 * odd flags, random paths) at one file system and checks the promise every call makes: the
 * result is a count or -errno, never a Java exception. The seed is fixed, so a failure
 * repeats.
 */
class RandomCallsTest {
    final FsFixture t = new FsFixture();
    final InodeSyscalls inodes = new InodeSyscalls(t.vfs);
    final Random random = new Random(20261124);
    final String[] names = {"/tmp/a", "/tmp/b", "/tmp/d", "/tmp/d/x", "/tmp/l", "/", ".", "..", "/dev/null",
        "/dev/console", "/proc", "/tmp/a/", "", "/tmp//d/../a", "/etc", "d", "a"};

    long anyFd() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(8);
            case 1 -> -1;
            case 2 -> 1L << 32 | random.nextInt(4);
            default -> random.nextInt(2000) - 500;
        };
    }

    long anyPointer(int size) {
        return switch (random.nextInt(4)) {
            case 0 -> FakeUserMemory.BAD;
            case 1 -> -8;
            default -> t.mem.alloc(size);
        };
    }

    long anyPath() {
        return random.nextInt(10) == 0 ? FakeUserMemory.BAD : t.mem.string(names[random.nextInt(names.length)]);
    }

    long anyNumber() {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(16);
            case 1 -> -random.nextInt(3);
            case 2 -> Long.MAX_VALUE - random.nextInt(3);
            case 3 -> Long.MIN_VALUE;
            default -> random.nextLong();
        };
    }

    long call(int which) {
        FileSyscalls f = t.fileCalls;
        PathSyscalls p = t.pathCalls;
        StatSyscalls s = t.statCalls;
        return switch (which) {
            case 0 -> p.open(t.files, t.fs, t.mem, anyPath(), random.nextInt(1 << 22), 0644);
            case 1 -> f.close(t.files, anyFd());
            case 2 -> f.read(t.files, t.mem, t.waiter, anyFd(), anyPointer(64), random.nextInt(100));
            case 3 -> f.write(t.files, t.mem, t.waiter, anyFd(), anyPointer(64), random.nextInt(100));
            case 4 -> f.lseek(t.files, anyFd(), anyNumber(), anyNumber());
            case 5 -> f.dup2(t.files, anyFd(), anyFd());
            case 6 -> f.dup3(t.files, anyFd(), anyFd(), anyNumber());
            case 7 -> f.fcntl(t.files, anyFd(), random.nextInt(5), anyNumber());
            case 8 -> f.pipe2(t.files, t.mem, anyPointer(8), random.nextBoolean() ? 0 : anyNumber());
            case 9 -> s.getdents64(t.files, t.mem, anyFd(), anyPointer(256), anyNumber() & 511);
            case 10 -> s.newfstatat(t.files, t.fs, t.mem, anyFd(), anyPath(), anyPointer(144), anyNumber());
            case 11 -> p.mkdir(t.files, t.fs, t.mem, anyPath(), 0755);
            case 12 -> p.unlinkat(t.files, t.fs, t.mem, anyFd(), anyPath(), random.nextBoolean() ? 0x200 : 0);
            case 13 -> p.rename(t.files, t.fs, t.mem, anyPath(), anyPath());
            case 14 -> p.symlink(t.files, t.fs, t.mem, anyPath(), anyPath());
            case 15 -> p.getcwd(t.fs, t.mem, anyPointer(64), anyNumber());
            case 16 -> p.chdir(t.fs, t.mem, anyPath());
            case 17 -> f.pread64(t.files, t.mem, t.waiter, anyFd(), anyPointer(64), anyNumber(), anyNumber());
            case 18 -> f.pwrite64(t.files, t.mem, t.waiter, anyFd(), anyPointer(64), random.nextInt(64), anyNumber());
            case 19 -> f.writev(t.files, t.mem, t.waiter, anyFd(), anyPointer(64), anyNumber());
            case 20 -> f.ioctl(t.files, t.mem, anyFd(), 0x5400 + random.nextInt(0x60), anyPointer(64));
            case 21 -> f.ftruncate(t.files, anyFd(), anyNumber() & 0xffff);
            case 22 -> p.readlinkat(t.files, t.fs, t.mem, anyFd(), anyPath(), anyPointer(64), anyNumber());
            case 23 -> inodes.linkat(t.files, t.fs, t.mem, anyFd(), anyPath(), anyFd(), anyPath(), anyNumber());
            case 24 -> p.faccessat(t.files, t.fs, t.mem, anyFd(), anyPath(), anyNumber());
            case 25 -> inodes.mknodat(t.files, t.fs, t.mem, anyFd(), anyPath(), anyNumber(), 0);
            case 26 -> p.openat(t.files, t.fs, t.mem, t.waiter, anyFd(), anyPath(), random.nextInt(1 << 22), 0644);
            default -> f.readv(t.files, t.mem, t.waiter, anyFd(), anyPointer(64), anyNumber());
        };
    }

    @Test
    void randomCallsReturnResultsOrErrnosAndNeverThrow() {
        for (int i = 0; i < 20_000; i++) {
            int which = random.nextInt(28);
            long r = call(which);
            assertTrue(r >= -4095 || r == -syscall.Errno.BLOCKED, "call " + which + " returned " + r);
        }
        t.files.release(); // and everything still closes cleanly
        assertTrue(t.files.openDescriptors().isEmpty());
    }
}
