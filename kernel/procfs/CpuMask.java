package procfs;

/**
 * The two ways Linux prints a CPU mask in /proc/PID/status: {@code Cpus_allowed} as a hex
 * bitmap ({@code %*pb}) and {@code Cpus_allowed_list} as ranges ({@code %*pbl}). Both show
 * only the machine's CPUs ({@code nr_cpu_ids}), so a task allowed everywhere on a 4-CPU
 * machine reads {@code f} and {@code 0-3}.
 */
final class CpuMask {
    private CpuMask() {}

    /**
     * The hex bitmap of the low {@code cpus} bits of {@code mask}: 32-bit chunks separated by
     * commas, most significant first; the first chunk has as many digits as its bits need,
     * every other chunk exactly 8 (Linux's bitmap_print_to_pagebuf).
     */
    static String hex(long mask, int cpus) {
        long bits = cpus >= 64 ? mask : mask & ((1L << cpus) - 1);
        int chunks = (cpus + 31) / 32;
        StringBuilder sb = new StringBuilder();
        for (int c = chunks - 1; c >= 0; c--) {
            long chunk = bits >>> (32 * c) & 0xffff_ffffL;
            int chunkBits = c == chunks - 1 ? cpus - 32 * c : 32;
            int digits = (chunkBits + 3) / 4;
            if (sb.length() > 0) sb.append(',');
            sb.append(String.format("%0" + digits + "x", chunk));
        }
        return sb.toString();
    }

    /** The ranges of set bits among the low {@code cpus} bits, such as "0-3" or "0,2-3". */
    static String list(long mask, int cpus) {
        StringBuilder sb = new StringBuilder();
        int cpu = 0;
        while (cpu < cpus) {
            if ((mask >>> cpu & 1) == 0) {
                cpu++;
                continue;
            }
            int first = cpu;
            while (cpu + 1 < cpus && (mask >>> (cpu + 1) & 1) != 0) cpu++;
            if (sb.length() > 0) sb.append(',');
            sb.append(first);
            if (cpu > first) sb.append('-').append(cpu);
            cpu++;
        }
        return sb.toString();
    }
}
