package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sync.Waiter;
import vm.PhysicalMemory;

/**
 * fcntl record locks and flock at the level of the fs package: what F_GETLK reports after
 * splits and merges, who is woken, the deadlock check's use of the sleeping requests, when
 * locks end (close, last put), and that locks are paid for in the slab (ENOLCK when it is
 * full, everything given back afterwards). The C programs in tests/linux check the same
 * calls against Linux.
 */
class FileLockTest {
    final FsFixture t = new FsFixture();
    /** The waiters the test declares asleep in their lock request. */
    final Set<Waiter> asleep = new HashSet<>();
    final LockSyscalls locks = new LockSyscalls(asleep::contains);
    final FdTable other = new FdTable();
    final FsFixture.CountingWaiter otherWaiter = new FsFixture.CountingWaiter();

    long fd;

    FileLockTest() {
        fd = t.open("/tmp/f", O_CREAT | O_RDWR);
    }

    /** A struct flock in guest memory. */
    long flock(int type, int whence, long start, long len) {
        ByteBuffer b = ByteBuffer.allocate(LockSyscalls.FLOCK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) type).putShort(2, (short) whence).putLong(8, start).putLong(16, len);
        return t.mem.bytes(b.array());
    }

    long set(FdTable files, Waiter w, long fd, int cmd, int type, long start, long len) {
        return locks.fcntl(files, t.mem, w, files == t.files ? 100 : 200, fd, cmd, flock(type, SEEK_SET, start, len));
    }

    /** F_GETLK for a write lock on [start, start+len) by {@code files}: "type start len pid" or "free". */
    String probe(FdTable files, long fd, long start, long len) {
        long st = flock(FileLock.F_WRLCK, SEEK_SET, start, len);
        assertEquals(0, locks.fcntl(files, t.mem, t.waiter, 300, fd, LockSyscalls.F_GETLK, st));
        ByteBuffer b = ByteBuffer.wrap(t.mem.read(st, LockSyscalls.FLOCK_SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getShort(0) == FileLock.F_UNLCK) return "free";
        return b.getShort(0) + " " + b.getLong(8) + " " + b.getLong(16) + " " + b.getInt(24);
    }

    long otherFd() {
        OpenFile f = t.files.get(fd);
        return other.install(f.get(), 0, false);
    }

    @Test
    void unlockingTheMiddleSplitsALockAndTouchingLocksOfOneTypeMerge() {
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_WRLCK, 0, 100));
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_UNLCK, 40, 20));
        long ofd = otherFd();
        assertEquals("1 0 40 100", probe(other, ofd, 0, 0));
        assertEquals("1 60 40 100", probe(other, ofd, 50, 0));
        assertEquals("free", probe(other, ofd, 40, 20));
        // The gap filled again with the same type: one lock [0, 100) once more.
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_WRLCK, 40, 20));
        assertEquals("1 0 100 100", probe(other, ofd, 99, 1));
        assertEquals("free", probe(t.files, fd, 0, 0), "a process never conflicts with itself");
    }

    @Test
    void aSleeperIsWokenWhenTheLockItWaitsForChanges() {
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_WRLCK, 0, 10));
        long ofd = otherFd();
        assertEquals(-EAGAIN, set(other, otherWaiter, ofd, LockSyscalls.F_SETLK, FileLock.F_RDLCK, 5, 1));
        assertEquals(-BLOCKED, set(other, otherWaiter, ofd, LockSyscalls.F_SETLKW, FileLock.F_RDLCK, 5, 1));
        assertEquals(0, otherWaiter.wakes);
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_RDLCK, 0, 10), "a downgrade");
        assertEquals(1, otherWaiter.wakes);
        assertEquals(0, set(other, otherWaiter, ofd, LockSyscalls.F_SETLKW, FileLock.F_RDLCK, 5, 1), "the re-run succeeds");
    }

    @Test
    void onlyARequestStillAsleepClosesADeadlockCycle() {
        long ofd = otherFd();
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_WRLCK, 0, 1));
        assertEquals(0, set(other, otherWaiter, ofd, LockSyscalls.F_SETLK, FileLock.F_WRLCK, 1, 1));
        assertEquals(-BLOCKED, set(other, otherWaiter, ofd, LockSyscalls.F_SETLKW, FileLock.F_WRLCK, 0, 1));
        // The other owner's request was interrupted (it is not asleep any more): no cycle.
        assertEquals(-BLOCKED, set(t.files, t.waiter, fd, LockSyscalls.F_SETLKW, FileLock.F_WRLCK, 1, 1));
        // It asks again and sleeps: now the cycle is closed by whoever asks next.
        assertEquals(-BLOCKED, set(other, otherWaiter, ofd, LockSyscalls.F_SETLKW, FileLock.F_WRLCK, 0, 1));
        asleep.add(otherWaiter);
        assertEquals(-EDEADLK, set(t.files, t.waiter, fd, LockSyscalls.F_SETLKW, FileLock.F_WRLCK, 1, 1));
    }

    @Test
    void closingAnyDescriptorDropsTheTablesLocksAndTheLastCloseItsFlock() {
        long dup = t.fileCalls.dup(t.files, fd);
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_WRLCK, 0, 0));
        assertEquals(0, locks.flock(t.files, t.waiter, dup, LockSyscalls.LOCK_EX));
        long ofd = otherFd();
        t.fileCalls.close(t.files, dup);
        assertEquals("free", probe(other, ofd, 0, 0));
        assertEquals(-EAGAIN, locks.flock(t.files, t.waiter, t.open("/tmp/f", O_RDONLY), LockSyscalls.LOCK_SH | LockSyscalls.LOCK_NB),
                "the description is still open (fd and the other table): its flock lives");
        t.fileCalls.close(t.files, fd);
        other.close(ofd);
        assertEquals(0, locks.flock(t.files, t.waiter, t.open("/tmp/f", O_RDONLY), LockSyscalls.LOCK_SH | LockSyscalls.LOCK_NB));
    }

    @Test
    void locksArePaidForInTheSlabAndRefusedWithEnolckWhenItIsFull() {
        FsMemory m = t.vfs.memory();
        long reader = t.open("/tmp/f", O_RDONLY);
        long before = m.slabBytes();
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_WRLCK, 0, 0));
        assertEquals(before + FileLock.LOCK_BYTES, m.slabBytes());
        PhysicalMemory phys = m.physicalMemory();
        while (phys.allocate() != PhysicalMemory.NO_FRAME) { }
        phys.chargeSlab((PhysicalMemory.FRAME_SIZE - phys.slabBytes() % PhysicalMemory.FRAME_SIZE) % PhysicalMemory.FRAME_SIZE);
        // A split needs a second lock: refused, and the lock is as it was.
        assertEquals(-ENOLCK, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_UNLCK, 10, 10));
        long ofd = otherFd();
        assertEquals("1 0 0 100", probe(other, ofd, 10, 1));
        assertEquals(-ENOLCK, locks.flock(t.files, t.waiter, reader, LockSyscalls.LOCK_SH));
        // Unlocking everything needs no memory and gives the charge back.
        assertEquals(0, set(t.files, t.waiter, fd, LockSyscalls.F_SETLK, FileLock.F_UNLCK, 0, 0));
        assertEquals(before, m.slabBytes());
    }
}
