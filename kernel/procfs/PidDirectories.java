package procfs;

import fs.Dentry;
import fs.Directory;
import fs.FdTable;
import fs.FsStruct;
import fs.Inode;
import fs.OpenFile;
import fs.PathWalker;
import fs.Vfs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import task.OomKiller;
import task.Task;
import task.Tasks;

/**
 * The per-process part of /proc: the {@code PID} directories of /proc, and inside each the
 * {@code task/TID} directories of its threads (Linux's fs/proc/base.c {@code proc_pid_lookup},
 * {@code proc_pid_readdir}, {@code proc_task_lookup}).
 *
 * <p><b>What is listed.</b> As on Linux, /proc lists one directory per thread group (the
 * leader's tid), in pid order, and {@code task/} lists the group's threads oldest first;
 * a thread's own tid can still be looked up in /proc although it is not listed.
 *
 * <p><b>Lifetime.</b> A directory is made at its first lookup and cached per task, so its
 * inode number stays the same while the task exists; inode numbers come from the Vfs in
 * allocation order, which is deterministic. Once a task is reaped (it is no longer the
 * pid table's entry for its tid) its name gives ENOENT and the cache forgets it; a file of
 * it that is still open reads as ESRCH (see procfs.ProcFile).
 *
 * <p>Everything runs on the kernel thread; the maps here need no locks.
 */
final class PidDirectories implements ProcDirectory.Source {
    private final Vfs vfs;
    private final Tasks tasks;
    private final IntSupplier cpus;
    /** The task in the current system call: the reader of a link, the writer of a writable file. */
    private final Supplier<Task> current;
    private final Map<Task, ProcDirectory> processDirs = new LinkedHashMap<>();
    private final Map<Task, ProcDirectory> threadDirs = new LinkedHashMap<>();
    /** The fd/ entries of each task, shared by its process and thread directories. */
    private final Map<Task, FdLinks> fdLinks = new LinkedHashMap<>();

    /**
     * The PID directories of {@code tasks} on {@code vfs}, for a machine of {@code cpus} CPUs;
     * {@code current} gives the task making the system call (the reader of a link, the
     * writer of oom_score_adj).
     */
    PidDirectories(Vfs vfs, Tasks tasks, IntSupplier cpus, Supplier<Task> current) {
        this.vfs = vfs;
        this.tasks = tasks;
        this.cpus = cpus;
        this.current = current;
    }

    /** The tgids of every thread group, in pid order. */
    @Override
    public List<String> names() {
        forgetReaped();
        List<String> names = new ArrayList<>();
        for (Task t : tasks.pids().all()) if (t.isGroupLeader()) names.add(Integer.toString(t.tid()));
        return names;
    }

    /** The directory of the task whose tid is {@code name}, or null if there is none. */
    @Override
    public Inode lookup(String name) {
        forgetReaped();
        Task t = find(name);
        return t == null ? null : processDirs.computeIfAbsent(t, this::processDirectory);
    }

    /** True when {@code t} has been reaped: its tid no longer names it in the pid table. */
    boolean isReaped(Task t) {
        return tasks.pids().find(t.tid()) != t;
    }

    /** The task whose tid is the decimal {@code name} (no sign, no leading zero), or null. */
    private Task find(String name) {
        if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) return null;
        for (int i = 0; i < name.length(); i++) if (!Character.isDigit(name.charAt(i))) return null;
        return tasks.pids().find(Integer.parseInt(name));
    }

    /**
     * Drops the directories of reaped tasks from the cache and retires their inodes, so that
     * they stop counting against the Vfs's inode limit once nobody has them open.
     */
    private void forgetReaped() {
        for (Map<Task, ProcDirectory> cache : List.of(processDirs, threadDirs)) {
            cache.entrySet().removeIf(e -> {
                if (!isReaped(e.getKey())) return false;
                e.getValue().retire();
                return true;
            });
        }
        fdLinks.entrySet().removeIf(e -> {
            if (!isReaped(e.getKey())) return false;
            e.getValue().retire();
            return true;
        });
    }

    /** /proc/PID: the process's files (about the task with that tid) and its task/ directory. */
    private ProcDirectory processDirectory(Task t) {
        ProcDirectory dir = new ProcDirectory(vfs);
        addFiles(dir, t, true);
        ProcDirectory taskDir = dir.addDirectory("task");
        taskDir.setSource(new ThreadSource(t));
        return dir;
    }

    /** /proc/PID/task/TID: the same files about one thread. */
    private ProcDirectory threadDirectory(Task t) {
        ProcDirectory dir = new ProcDirectory(vfs);
        addFiles(dir, t, false);
        return dir;
    }

    /**
     * The files of a process or thread directory. Each produces its text when first read
     * after an open, or null (ESRCH) once the task has been reaped. The links cwd and root
     * name the task's directories as paths from the reader's root, "/..." with " (deleted)"
     * after a removed one, as Linux's readlink shows them; they have no target (ENOENT)
     * once the task has exited.
     */
    private void addFiles(ProcDirectory dir, Task t, boolean wholeGroup) {
        dir.addFile("cmdline", text(t, task -> ProcessArgs.cmdline(task.mm())));
        dir.addFile("comm", text(t, task -> task.comm() + "\n"));
        dir.addFile("environ", text(t, task -> environ(task)));
        dir.addFile("limits", text(t, task -> TaskLimits.format(task.signal().rlimits())));
        dir.addFile("maps", text(t, task -> task.mm() == null ? "" : task.mm().maps()));
        dir.addFile("oom_score", text(t, task -> OomKiller.score(tasks, task) + "\n"));
        dir.addFile("oom_score_adj", text(t, task -> task.signal().oomScoreAdj() + "\n"),
                OomScoreAdj.writer(tasks, t, current, () -> isReaped(t)));
        dir.addFile("stat", text(t, task -> TaskStat.format(task, wholeGroup, vfs.console())));
        dir.addFile("status", text(t, task -> TaskStatus.format(task, cpus.getAsInt())));
        dir.addSymlink("cwd", () -> pathOf(t, FsStruct::cwd));
        dir.addSymlink("root", () -> pathOf(t, FsStruct::root));
        dir.addInode("exe", new ProcSymlink(vfs, () -> exePath(t), () -> exeInode(t)));
        ProcDirectory fd = dir.addDirectory("fd");
        fd.setPermissions(0500); // dr-x------, as Linux's
        fd.setSource(fdLinks.computeIfAbsent(t, FdLinks::new));
    }

    /** The root the reading task sees paths from. */
    private Directory readerRoot() {
        Task reader = current.get();
        return reader != null && reader.fs() != null ? reader.fs().root() : vfs.root();
    }

    /** /proc/PID/exe's text: the path of the program {@code t} runs; "" (ENOENT) without one. */
    private String exePath(Task t) {
        Dentry exe = isReaped(t) || t.mm() == null ? null : t.mm().exeFile();
        return exe == null ? "" : exe.path(readerRoot());
    }

    /** Where following /proc/PID/exe leads: the program's inode itself, even once it is deleted. */
    private Inode exeInode(Task t) {
        Dentry exe = isReaped(t) || t.mm() == null ? null : t.mm().exeFile();
        return exe == null ? null : exe.inode();
    }

    /** The path of {@code t}'s directory {@code which} seen from the reader's root; "" once {@code t} has no fs. */
    private String pathOf(Task t, Function<FsStruct, Directory> which) {
        FsStruct fs = isReaped(t) ? null : t.fs();
        if (fs == null) return "";
        Task reader = current.get();
        Directory root = reader != null && reader.fs() != null ? reader.fs().root() : vfs.root();
        Directory dir = which.apply(fs);
        String path = PathWalker.pathOf(dir, root);
        return dir.isDead() ? path + " (deleted)" : path;
    }

    private Supplier<String> text(Task t, Function<Task, String> producer) {
        return () -> isReaped(t) ? null : producer.apply(t);
    }

    private static String environ(Task t) {
        StringBuilder sb = new StringBuilder();
        for (String s : ProcessArgs.envp(t.mm()).values()) sb.append(s).append('\0');
        return sb.toString();
    }

    /**
     * The entries of /proc/PID/fd: one magic link per open descriptor of the task's table,
     * named by the number. readlink shows the file's path (or "pipe:[ino]"); following the
     * link reaches the open file's inode itself, so a pipe or a deleted file can be opened
     * again through it. The link's permissions show the descriptor's access mode (lr-x------
     * read, l-wx------ write), as Linux's. A link is kept while its descriptor stays open, so
     * its inode number is stable; it is retired when the descriptor is found closed, and all
     * of them when the task is reaped.
     */
    private final class FdLinks implements ProcDirectory.Source {
        private final Task task;
        private final Map<Integer, ProcSymlink> links = new TreeMap<>();

        FdLinks(Task task) {
            this.task = task;
        }

        private OpenFile file(int fd) {
            FdTable files = isReaped(task) ? null : task.files();
            return files == null ? null : files.get(fd);
        }

        @Override
        public List<String> names() {
            FdTable files = isReaped(task) ? null : task.files();
            List<String> names = new ArrayList<>();
            if (files != null) for (int fd : files.openDescriptors()) names.add(Integer.toString(fd));
            return names;
        }

        @Override
        public Inode lookup(String name) {
            if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) return null;
            for (int i = 0; i < name.length(); i++) if (!Character.isDigit(name.charAt(i))) return null;
            int fd = Integer.parseInt(name);
            OpenFile f = file(fd);
            if (f == null) {
                ProcSymlink stale = links.remove(fd);
                if (stale != null) stale.retire();
                return null;
            }
            ProcSymlink link = links.computeIfAbsent(fd, n -> new ProcSymlink(vfs,
                    () -> { OpenFile o = file(n); return o == null ? "" : o.path(readerRoot()); },
                    () -> { OpenFile o = file(n); return o == null ? null : o.inode(); }));
            int perms = (f.isReadable() ? 0500 : 0) | (f.isWritable() ? 0300 : 0);
            if ((link.mode() & 0777) != perms) link.setPermissions(perms);
            return link;
        }

        void retire() {
            for (ProcSymlink l : links.values()) l.retire();
            links.clear();
        }
    }

    /** The entries of /proc/PID/task: the threads of PID's group that have not been reaped. */
    private final class ThreadSource implements ProcDirectory.Source {
        private final Task process;

        ThreadSource(Task process) {
            this.process = process;
        }

        @Override
        public List<String> names() {
            List<String> names = new ArrayList<>();
            for (Task t : process.signal().threads()) if (!isReaped(t)) names.add(Integer.toString(t.tid()));
            return names;
        }

        @Override
        public Inode lookup(String name) {
            forgetReaped();
            Task t = find(name);
            if (t == null || t.signal() != process.signal()) return null;
            return threadDirs.computeIfAbsent(t, PidDirectories.this::threadDirectory);
        }
    }
}
