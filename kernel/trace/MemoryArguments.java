package trace;

import java.util.List;
import vm.AddressSpace;

/**
 * The arguments of the memory calls as strace shows them: protections, mapping flags,
 * msync flags, madvise advice, mremap flags and memfd_create's name and flags by name,
 * {@code mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_SHARED, 3, 0)}. SyscallArguments hands
 * these calls over here.
 */
final class MemoryArguments {
    private MemoryArguments() {}

    static final int MMAP = 9, MPROTECT = 10, MREMAP = 25, MSYNC = 26, MINCORE = 27, MADVISE = 28, MEMFD_CREATE = 319;

    private static final List<String> PROT = List.of("PROT_READ:1", "PROT_WRITE:2", "PROT_EXEC:4", "PROT_SEM:8",
            "PROT_GROWSDOWN:1000000", "PROT_GROWSUP:2000000");
    private static final List<String> MAP = List.of("MAP_FIXED:10", "MAP_ANONYMOUS:20", "MAP_GROWSDOWN:100",
            "MAP_DENYWRITE:800", "MAP_EXECUTABLE:1000", "MAP_LOCKED:2000", "MAP_NORESERVE:4000", "MAP_POPULATE:8000",
            "MAP_NONBLOCK:10000", "MAP_STACK:20000", "MAP_HUGETLB:40000", "MAP_SYNC:80000", "MAP_FIXED_NOREPLACE:100000");
    private static final List<String> MS = List.of("MS_ASYNC:1", "MS_SYNC:4", "MS_INVALIDATE:2");
    private static final List<String> MREMAP_FLAGS = List.of("MREMAP_MAYMOVE:1", "MREMAP_FIXED:2", "MREMAP_DONTUNMAP:4");
    private static final List<String> MFD = List.of("MFD_CLOEXEC:1", "MFD_ALLOW_SEALING:2", "MFD_HUGETLB:4",
            "MFD_NOEXEC_SEAL:8", "MFD_EXEC:10");
    private static final String[] ADVICE = {"MADV_NORMAL", "MADV_RANDOM", "MADV_SEQUENTIAL", "MADV_WILLNEED",
        "MADV_DONTNEED", null, null, null, "MADV_FREE", "MADV_REMOVE", "MADV_DONTFORK", "MADV_DOFORK",
        "MADV_MERGEABLE", "MADV_UNMERGEABLE", "MADV_HUGEPAGE", "MADV_NOHUGEPAGE", "MADV_DONTDUMP", "MADV_DODUMP",
        "MADV_WIPEONFORK", "MADV_KEEPONFORK", "MADV_COLD", "MADV_PAGEOUT", "MADV_POPULATE_READ",
        "MADV_POPULATE_WRITE", "MADV_DONTNEED_LOCKED", "MADV_COLLAPSE"};

    /** The decoded arguments of memory call {@code nr}, or null for a call not handled here. */
    static String atEnter(AddressSpace as, int nr, long[] a) {
        return switch (nr) {
            case MMAP -> pointer(a[0]) + ", " + a[1] + ", " + prot(a[2]) + ", " + mapFlags(a[3]) + ", " + (int) a[4]
                    + ", " + hexOrZero(a[5]);
            case MPROTECT -> pointer(a[0]) + ", " + a[1] + ", " + prot(a[2]);
            case MREMAP -> pointer(a[0]) + ", " + a[1] + ", " + a[2] + ", " + bits(a[3], MREMAP_FLAGS)
                    + ((a[3] & 6) != 0 ? ", " + pointer(a[4]) : "");
            case MSYNC -> pointer(a[0]) + ", " + a[1] + ", " + bits(a[2], MS);
            case MINCORE -> pointer(a[0]) + ", " + a[1] + ", " + pointer(a[2]);
            case MADVISE -> pointer(a[0]) + ", " + a[1] + ", " + advice(a[2]);
            case MEMFD_CREATE -> SyscallArguments.string(as, a[0]) + ", " + bits(a[1] & 0xffffffffL, MFD);
            default -> null;
        };
    }

    /** mmap's flags: the mapping type, then the named bits. */
    private static String mapFlags(long flags) {
        String type = switch ((int) flags & 0xf) {
            case 1 -> "MAP_SHARED";
            case 2 -> "MAP_PRIVATE";
            case 3 -> "MAP_SHARED_VALIDATE";
            default -> "0x" + Long.toHexString(flags & 0xf);
        };
        String rest = bits(flags & ~0xfL, MAP);
        return rest.equals("0") ? type : type + "|" + rest;
    }

    private static String prot(long prot) {
        return prot == 0 ? "PROT_NONE" : bits(prot, PROT);
    }

    private static String advice(long advice) {
        return advice >= 0 && advice < ADVICE.length && ADVICE[(int) advice] != null ? ADVICE[(int) advice]
                : advice == 100 ? "MADV_HWPOISON" : Long.toString(advice);
    }

    /** Named bits ("NAME:hex") joined with '|', unknown ones in hex after them; "0" for none. */
    private static String bits(long value, List<String> names) {
        StringBuilder s = new StringBuilder();
        long rest = value;
        for (String named : names) {
            int colon = named.indexOf(':');
            long bit = Long.parseLong(named.substring(colon + 1), 16);
            if ((rest & bit) == 0) continue;
            s.append(s.length() == 0 ? "" : "|").append(named, 0, colon);
            rest &= ~bit;
        }
        if (rest != 0) s.append(s.length() == 0 ? "" : "|").append("0x").append(Long.toHexString(rest));
        return s.length() == 0 ? "0" : s.toString();
    }

    private static String pointer(long va) {
        return va == 0 ? "NULL" : "0x" + Long.toHexString(va);
    }

    private static String hexOrZero(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }
}
