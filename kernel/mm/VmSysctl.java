package mm;

/**
 * The machine-wide memory settings of /proc/sys/vm, one object per booted kernel and shared
 * by every {@link Mm} of it (Linux keeps them as globals such as sysctl_max_map_count).
 * Only max_map_count so far: the most VMAs one address space may have.
 */
public final class VmSysctl {
    private int maxMapCount = Mm.MAX_MAP_COUNT;

    /** Settings with Linux's defaults (max_map_count 65530). */
    public VmSysctl() {}

    /** The most VMAs one mm may have; mmap fails with ENOMEM beyond it (vm.max_map_count). */
    public int maxMapCount() {
        return maxMapCount;
    }

    /** Sets vm.max_map_count: false (EINVAL for the caller) if {@code max} is negative, as Linux's bound. */
    public boolean setMaxMapCount(int max) {
        if (max < 0) return false;
        maxMapCount = max;
        return true;
    }
}
