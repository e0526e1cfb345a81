package mm;

/**
 * The memory figures of /proc/PID/status, in kB, computed as Linux's task_mem() does:
 * VmPeak the largest VmSize so far; VmSize all VMAs; VmRSS pages actually mapped; VmData
 * private writable non-stack VMAs; VmStk stack VMAs; VmExe executable read-only VMAs; VmPTE
 * its page-table pages below the top level (vm.AddressSpace#pageTablePages).
 */
public record MemoryUsage(long vmPeakKb, long vmSizeKb, long vmRssKb, long vmDataKb, long vmStkKb, long vmExeKb,
        long vmPteKb) {}
