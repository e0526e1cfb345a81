package fs;

import static fs.OpenFlags.*;
import static org.junit.jupiter.api.Assertions.*;
import static syscall.Errno.*;

import procfs.ProcDirectory;
import procfs.ProcFs;
import procfs.SystemInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcTest {
    final FsFixture t = new FsFixture();

    static final class FakeSystem implements SystemInfo {
        long uptime = 12_345_000_000L;

        @Override
        public int cpuCount() {
            return 2;
        }

        @Override
        public long uptimeNanos() {
            return uptime;
        }

        @Override
        public long idleNanos() {
            return 20_010_000_000L;
        }

        @Override
        public long[] loadAveragesHundredths() {
            return new long[] {105, 7, 0};
        }

        @Override
        public int runnableTasks() {
            return 1;
        }

        @Override
        public int totalTasks() {
            return 12;
        }

        @Override
        public int lastPid() {
            return 42;
        }

        int caller = 7;

        @Override
        public int callerPid() {
            return caller;
        }
    }

    String cat(String path) {
        long fd = t.open(path, O_RDONLY);
        assertTrue(fd >= 0, path + ": " + fd);
        StringBuilder sb = new StringBuilder();
        String piece;
        while (!(piece = t.read(fd, 7)).isEmpty()) sb.append(piece); // small reads on purpose
        t.fileCalls.close(t.files, fd);
        return sb.toString();
    }

    @Test
    void systemFilesUseLinuxFormats() {
        FakeSystem sys = new FakeSystem();
        ProcFs.install(t.vfs.proc(), sys);
        assertEquals("12.34 20.01\n", cat("/proc/uptime"));
        assertEquals("1.05 0.07 0.00 1/12 42\n", cat("/proc/loadavg"));
        String cpuinfo = cat("/proc/cpuinfo");
        assertTrue(cpuinfo.startsWith("processor\t: 0\n"));
        assertTrue(cpuinfo.contains("\n\nprocessor\t: 1\n"));
        assertTrue(cpuinfo.endsWith("\n\n"));
    }

    @Test
    void aReadSeesOneSnapshotPerOpen() {
        FakeSystem sys = new FakeSystem();
        ProcFs.install(t.vfs.proc(), sys);
        long fd = t.open("/proc/uptime", O_RDONLY);
        assertEquals("12.3", t.read(fd, 4));
        sys.uptime = 99_000_000_000L;
        assertEquals("4 20.01\n", t.read(fd, 100), "the rest of the same snapshot");
        assertEquals("99.00 20.01\n", cat("/proc/uptime"));
    }

    @Test
    void perProcessDirectoriesComeFromASource() {
        Map<String, ProcDirectory> pids = new LinkedHashMap<>();
        for (String pid : new String[] {"1", "7"}) {
            ProcDirectory dir = new ProcDirectory(t.vfs);
            dir.addFile("status", () -> "Pid:\t" + pid + "\n");
            pids.put(pid, dir);
        }
        t.vfs.proc().addFile("uptime", () -> "0.00 0.00\n");
        t.vfs.proc().setSource(new ProcDirectory.Source() {
            @Override
            public List<String> names() {
                return new ArrayList<>(pids.keySet());
            }

            @Override
            public Inode lookup(String name) {
                return pids.get(name);
            }
        });
        assertEquals("Pid:\t7\n", cat("/proc/7/status"));
        assertEquals(-ENOENT, t.open("/proc/8/status", O_RDONLY));
        long fd = t.open("/proc", O_RDONLY | O_DIRECTORY);
        long buf = t.mem.alloc(512);
        long n = t.statCalls.getdents64(t.files, t.mem, fd, buf, 512);
        List<String> names = new ArrayList<>();
        for (String e : GetdentsTest.decode(t.mem, buf, n)) names.add(e.substring(0, e.indexOf(':')));
        assertEquals(List.of(".", "..", "uptime", "1", "7"), names);
        assertEquals(0, t.chdir("/proc/1"));
        assertEquals("/proc/1", t.getcwd());
        assertEquals(0, t.chdir(".."));
        assertEquals("/proc", t.getcwd());
    }

    @Test
    void procIsReadOnly() {
        t.vfs.proc().addFile("uptime", () -> "0.00 0.00\n");
        assertEquals(-EPERM, t.mkdir("/proc/x"));
        assertEquals(-EPERM, t.open("/proc/new", O_CREAT | O_WRONLY));
        assertEquals(-EPERM, t.unlink("/proc/uptime"));
        t.vfs.installFile("/tmp/f", new byte[0], 0644);
        assertEquals(-EXDEV, t.rename("/tmp/f", "/proc/f"), "another file system");
        assertEquals(-EXDEV, t.rename("/proc/uptime", "/tmp/u"));
        assertEquals(-EPERM, t.rename("/proc/uptime", "/proc/u"));
        long fd = t.open("/proc/uptime", O_RDWR);
        assertEquals(-EIO, t.write(fd, "x"));
        long st = t.stat("/proc/uptime");
        assertEquals(Mode.S_IFREG | 0444, t.mem.int32(st + 24));
        assertEquals(0, t.mem.int64(st + 48), "size 0, as Linux's /proc files");
        assertEquals(Vfs.PROC_DEV, t.mem.int64(st));
    }

    @Test
    void selfPointsAtTheCallersDirectory() throws FsException {
        FakeSystem sys = new FakeSystem();
        ProcFs.install(t.vfs.proc(), sys);
        ProcDirectory seven = new ProcDirectory(t.vfs);
        seven.addFile("status", () -> "Pid:\t7\n");
        t.vfs.proc().setSource(new ProcDirectory.Source() {
            @Override
            public List<String> names() {
                return List.of("7");
            }

            @Override
            public Inode lookup(String name) {
                return name.equals("7") ? seven : null;
            }
        });
        assertEquals("Pid:\t7\n", cat("/proc/self/status"));
        long buf = t.mem.alloc(16);
        assertEquals(1, t.pathCalls.readlink(t.files, t.fs, t.mem, t.mem.string("/proc/self"), buf, 16));
        assertEquals("7", new String(t.mem.read(buf, 1)));
        sys.caller = 8;
        assertEquals(-ENOENT, t.open("/proc/self/status", O_RDONLY), "another caller, another target");
    }
}
