package procfs;

import fs.FsMemory;
import fs.Vfs;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import sched.Scheduler;
import task.Task;
import task.Tasks;

/**
 * Fills /proc at boot (Linux's proc_root_init): the system-wide files of procfs.ProcFs
 * (cpuinfo, uptime, loadavg, self, thread-self), /proc/stat, /proc/meminfo, and the per-process
 * directories of {@link PidDirectories}, and the writable limits of /proc/sys/kernel,
 * /proc/sys/vm and /proc/sys/fs ({@link SysctlIntFile}). Everything is generated from the kernel's live
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
        proc.setSource(new PidDirectories(vfs, tasks, sched::cpuCount, current));
        // /proc/sys files are root's (0644): only a task with root's rights may open one to write.
        BooleanSupplier root = () -> current.get() == null || current.get().cred().capable();
        installSysctls(vfs, proc.addDirectory("sys").addDirectory("kernel"), tasks, root);
        ProcDirectory vm = proc.addDirectory("sys").addDirectory("vm");
        vm.addInode("max_map_count", new SysctlIntFile(vfs, tasks.vmSysctl()::maxMapCount, tasks.vmSysctl()::setMaxMapCount, root));
        installFsSysctls(vfs, proc.addDirectory("sys").addDirectory("fs"), root);
    }

    /**
     * /proc/sys/fs: the limits on open files and pipes (fs.FsMemory), read-write for root with
     * Linux's bounds, and file-nr, "open descriptions, 0, file-max" as Linux's proc_nr_files
     * prints it.
     */
    private static void installFsSysctls(Vfs vfs, ProcDirectory dir, BooleanSupplier root) {
        FsMemory m = vfs.memory();
        dir.addInode("file-max", new SysctlIntFile(vfs, m::fileMax, m::setFileMax, root));
        dir.addFile("file-nr", () -> m.openFiles() + "\t0\t" + m.fileMax() + "\n");
        dir.addInode("pipe-max-size", new SysctlIntFile(vfs, () -> (int) m.pipeMaxSize(), m::setPipeMaxSize, root));
        dir.addInode("pipe-user-pages-hard", new SysctlIntFile(vfs, m::pipeUserPagesHard, m::setPipeUserPagesHard, root));
        dir.addInode("pipe-user-pages-soft", new SysctlIntFile(vfs, m::pipeUserPagesSoft, m::setPipeUserPagesSoft, root));
    }

    /**
     * /proc/sys/kernel's limits on tasks, read-write with Linux's bounds (EINVAL outside):
     * pid_max, one above the largest pid (301..4194304), and threads-max, the most tasks at
     * once (20..0x3fffffff).
     */
    private static void installSysctls(Vfs vfs, ProcDirectory kernel, Tasks tasks, BooleanSupplier root) {
        kernel.addInode("pid_max", new SysctlIntFile(vfs, () -> tasks.pids().pidMax(), tasks.pids()::setPidMax, root));
        kernel.addInode("threads-max", new SysctlIntFile(vfs, tasks::maxTasks, max -> {
            if (max < Tasks.MIN_MAX_TASKS || max > Tasks.MAX_MAX_TASKS) return false;
            tasks.setMaxTasks(max);
            return true;
        }, root));
    }
}
