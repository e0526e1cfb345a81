package mm;

import exec.Loader;
import java.util.List;
import obj.Executable;
import obj.Segment;
import syscall.Errno;
import vm.AddressSpace;
import vm.PhysicalMemory;

/**
 * Builds the {@link Mm} of a new program for execve, the part of Linux's fs/binfmt_elf.c
 * (load_elf_binary) that concerns memory. {@link exec.Loader} does the copying (segments,
 * then the argc/argv/envp/auxv stack); this class checks the image first, describes what
 * was mapped with VMAs, and hands back the pages the loader mapped but never wrote.
 */
final class Binfmt {
    private Binfmt() {}

    /** See {@link Mm#exec}. */
    static Mm load(PhysicalMemory phys, Executable exe, String path, List<String> argv, List<String> envp)
            throws MmException {
        long stackBottom = Mm.TASK_SIZE - Loader.STACK_PAGES * AddressSpace.PAGE_SIZE;
        for (Segment s : exe.segments()) {
            if (s.vaddr() < 0 || s.memSize() < 0 || s.vaddr() >= stackBottom - Mm.STACK_GUARD_GAP
                    || s.memSize() > stackBottom - Mm.STACK_GUARD_GAP - s.vaddr()) {
                throw new MmException(Errno.ENOEXEC, 0, "segment outside user space: " + s);
            }
        }
        AddressSpace as = new AddressSpace(phys);
        Mm mm = new Mm(phys, as, new VmaTree(phys, as));
        // Two VMAs per segment at the most (file bytes and bss) and the stack.
        if (!mm.vmas.reserve(2 * exe.segments().size() + 1)) throw new MmException(Errno.ENOMEM, 0, "no memory for the VMAs");
        Loader.Image image;
        try {
            image = Loader.load(exe, mm.as, argv, envp);
        } catch (Loader.LoadException e) {
            mm.as.clear();
            mm.vmas.clear();
            int errno = switch (e.reason()) {
                case OUT_OF_MEMORY -> Errno.ENOMEM;
                case ARGUMENTS_TOO_LONG -> Errno.E2BIG;
                case BAD_IMAGE -> Errno.ENOEXEC;
            };
            throw new MmException(errno, 0, e.getMessage());
        }
        addSegmentVmas(mm, exe, path);
        mm.vmas.insert(Vma.anonymous(stackBottom, Mm.TASK_SIZE, Vma.PROT_READ | Vma.PROT_WRITE,
                Vma.GROWS_DOWN | Vma.STACK));
        dropUntouchedPages(mm, image.stackPointer());
        mm.entry = image.entry();
        mm.startStack = image.stackPointer();
        mm.startBrk = mm.brk = image.brk();
        mm.vmas.settle();
        mm.notePeak();
        return mm;
    }

    /** One VMA per segment; a writable segment's bss pages beyond its file bytes get their own. */
    private static void addSegmentVmas(Mm mm, Executable exe, String path) {
        long base = exe.segments().isEmpty() ? 0 : exe.segments().get(0).vaddr();
        mm.startCode = mm.endCode = mm.startData = mm.endData = base;
        for (Segment s : exe.segments()) {
            if (s.memSize() == 0) continue;
            int prot = (s.readable() ? Vma.PROT_READ : 0) | (s.writable() ? Vma.PROT_WRITE : 0)
                    | (s.executable() ? Vma.PROT_EXEC : 0);
            long end = Mm.pageUp(s.end());
            long fileEnd = s.writable() ? Math.min(end, Mm.pageUp(s.vaddr() + s.fileSize())) : end;
            // As if the file were laid out like memory: the offset column of /proc/PID/maps.
            if (fileEnd > s.vaddr()) mm.vmas.insert(new Vma(s.vaddr(), fileEnd, prot, 0, s.vaddr() - base, path));
            if (end > fileEnd) mm.vmas.insert(Vma.anonymous(fileEnd, end, prot, 0));
            if (s.executable()) {
                mm.startCode = s.vaddr();
                mm.endCode = s.vaddr() + s.fileSize();
            } else if (s.writable()) {
                mm.startData = s.vaddr();
                mm.endData = s.vaddr() + s.fileSize();
            }
        }
    }

    /**
     * The loader maps every page of the bss and the stack; those it did not write are still
     * zero, so they are given back and will be demand-paged like any anonymous memory. This
     * way a new process's resident set is what Linux's would be: the text and data it was
     * loaded with and the top page or two of its stack.
     */
    private static void dropUntouchedPages(Mm mm, long sp) {
        for (Vma v : mm.vmas.all()) {
            if (v.isStack()) mm.as.unmap(v.start(), (Mm.pageDown(sp) - v.start()) >>> AddressSpace.PAGE_SHIFT);
            else if (v.isAnonymous()) mm.as.unmap(v.start(), v.pages());
        }
    }
}
