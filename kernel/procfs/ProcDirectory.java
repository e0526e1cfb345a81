package procfs;

import fs.Directory;
import fs.FsException;
import fs.Inode;
import fs.Vfs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import syscall.Errno;

/**
 * A /proc directory: fixed entries added by code ({@link #addFile}, {@link #addDirectory}),
 * followed by entries produced on demand by a {@link Source} (the per-process directories
 * of /proc, or the threads of /proc/PID/task). Nothing can be created, removed or renamed
 * in it (EPERM).
 */
public class ProcDirectory extends Directory {
    /**
     * Entries made on demand. {@link #names()} lists them in the order getdents64 shows;
     * {@link #lookup(String)} returns the inode for one of them (or null). To keep inode
     * numbers stable while an entry exists, a source should return the same inode each time
     * (for instance a ProcDirectory cached per process and dropped when it is reaped).
     */
    public interface Source {
        List<String> names();

        Inode lookup(String name);
    }

    private final Map<String, Inode> fixed = new LinkedHashMap<>();
    private Source source;

    /** An empty /proc directory with permissions r-xr-xr-x. */
    public ProcDirectory(Vfs vfs) {
        super(vfs, 0555);
        setOwner(0, 0); // the kernel's, whoever looked it up first
        pinUntilRetired(); // until its process is reaped: retire
    }

    /** Adds the fixed file {@code name} whose text {@code contents} produces; returns it. */
    public ProcFile addFile(String name, Supplier<String> contents) {
        ProcFile file = new ProcFile(vfs(), contents);
        fixed.put(name, file);
        return file;
    }

    /** Adds the fixed file {@code name} whose text {@code contents} produces and whose writes go to {@code writer}; returns it. */
    public ProcFile addFile(String name, Supplier<String> contents, ProcFile.Writer writer) {
        ProcFile file = new ProcFile(vfs(), contents, writer);
        fixed.put(name, file);
        return file;
    }

    /** Adds the fixed entry {@code name} for an inode made elsewhere (a writable /proc/sys file); returns it. */
    public <T extends Inode> T addInode(String name, T inode) {
        fixed.put(name, inode);
        return inode;
    }

    /** Adds the fixed symbolic link {@code name} whose target {@code target} computes at each use. */
    public ProcSymlink addSymlink(String name, Supplier<String> target) {
        ProcSymlink link = new ProcSymlink(vfs(), target);
        fixed.put(name, link);
        return link;
    }

    /** Adds (or returns the existing) fixed subdirectory {@code name}. */
    public ProcDirectory addDirectory(String name) {
        if (fixed.get(name) instanceof ProcDirectory existing) return existing;
        ProcDirectory dir = new ProcDirectory(vfs());
        adopt(dir, name);
        fixed.put(name, dir);
        return dir;
    }

    /** Makes {@code child} a subdirectory of this one (its ".." and name) without storing it. */
    public void adopt(ProcDirectory child, String name) {
        child.setParent(this, name);
    }

    /** Sets the source of the on-demand entries shown after the fixed ones (null: none). */
    public void setSource(Source source) {
        this.source = source;
    }

    @Override
    public boolean isSynthetic() {
        return true;
    }

    @Override
    public Inode lookup(String name) {
        Inode inode = fixed.get(name);
        if (inode == null && source != null) {
            inode = source.lookup(name);
            if (inode instanceof ProcDirectory dir && dir.parent() == null) adopt(dir, name);
        }
        return inode;
    }

    @Override
    public List<Entry> entries() {
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, Inode> e : fixed.entrySet()) list.add(new Entry(e.getKey(), e.getValue()));
        if (source != null) {
            for (String name : source.names()) {
                Inode inode = lookup(name);
                if (inode != null) list.add(new Entry(name, inode));
            }
        }
        return list;
    }

    @Override
    public boolean isEmpty() {
        return entries().isEmpty();
    }

    @Override
    public int links() {
        int subdirs = 0;
        for (Entry e : entries()) if (e.inode().isDirectory()) subdirs++;
        return 2 + subdirs;
    }

    @Override
    public long dev() {
        return Vfs.PROC_DEV;
    }

    @Override
    public long size() {
        return 0;
    }

    /**
     * Lets this directory and its fixed files, links and subdirectories be freed once nobody has
     * them open (see {@link fs.Inode#retire}): for the directory of a process that has been
     * reaped. Entries made by the source are the source's to retire. Idempotent.
     */
    @Override
    public void retire() {
        for (Inode inode : fixed.values()) inode.retire();
        super.retire();
    }

    @Override
    public void link(String name, Inode inode) throws FsException {
        throw new FsException(Errno.EPERM);
    }

    @Override
    public void unlink(String name) throws FsException {
        throw new FsException(Errno.EPERM);
    }
}
