package procfs;

import fs.Vfs;
import fs.proc.ProcDirectory;
import fs.proc.ProcFs;
import java.util.function.Supplier;
import sched.Scheduler;
import task.Task;
import task.Tasks;

/**
 * Fills /proc at boot (Linux's proc_root_init): the system-wide files of fs.proc.ProcFs
 * (cpuinfo, uptime, loadavg, self, thread-self), /proc/stat, /proc/meminfo, and the per-process
 * directories of {@link PidDirectories}. Everything is generated from the kernel's live
 * state when a file is first read after being opened, so a reader sees one snapshot.
 */
public final class ProcRoot {
    private ProcRoot() {}

    /**
     * Installs /proc in {@code vfs} for the tasks of {@code tasks} on the machine
     * {@code sched}; {@code current} returns the task making the current system call (what
     * /proc/self resolves against). Call once, at boot.
     */
    public static void install(Vfs vfs, Tasks tasks, Scheduler sched, Supplier<Task> current) {
        ProcDirectory proc = vfs.proc();
        ProcFs.install(proc, new MachineInfo(tasks, sched, current));
        proc.addFile("stat", () -> KernelStat.format(tasks, sched));
        proc.addFile("meminfo", () -> MemInfo.format(tasks.physicalMemory()));
        proc.setSource(new PidDirectories(vfs, tasks, sched::cpuCount));
    }
}
