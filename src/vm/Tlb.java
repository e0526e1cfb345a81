package vm;

import java.util.Arrays;

/**
 * A software TLB: one per CPU, caching recent translations from virtual page to frame so that
 * most loads, stores and instruction fetches skip the page-table walk.
 *
 * <p>It is direct-mapped: virtual page {@code vpn} can live only in slot {@code vpn & MASK}.
 * A slot holds the frame's byte array and one tag per kind of access. The read tag equals vpn
 * when loads may use the slot, the write tag when stores may, and {@link #INVALID} otherwise,
 * so the interpreter's fast path is a single compare:
 *
 * <pre>   if (readTag[vpn &amp; MASK] == vpn) value = dataPage[vpn &amp; MASK][offset]</pre>
 *
 * A write tag is only ever installed for a page that is writable, not copy-on-write and
 * already marked dirty, so the first store to a page goes through the slow path, which sets
 * the dirty bit. Instruction fetches use a separate set of slots (an "I-TLB") so that code
 * and data pages never evict each other.
 *
 * <p>The TLB is only a cache: whenever a mapping changes, {@link AddressSpace} flushes the
 * affected pages from the TLB of every CPU that has the address space loaded (a "shootdown"),
 * and a CPU flushes its whole TLB when it switches address space. A CPU that goes idle keeps
 * its address space loaded and attached (Linux's lazy TLB), so shootdowns still reach it, and
 * the next thread of the same process finds the translations still there. All CPUs are
 * driven by one host thread, so the flush is a plain method call.
 */
final class Tlb {
    /**
     * Slots of each kind. Enough for the pages of a working set of 8 MiB (a sieve over 8M
     * bytes walks all of them again and again, and a TLB smaller than that misses at every
     * page): x86-64's second-level TLB has 1,536 to 2,048 entries.
     */
    static final int SIZE = 2048;
    static final int MASK = SIZE - 1;
    /** A tag no virtual page number can equal (vpns are below 2^36). */
    static final long INVALID = -1;

    final long[] readTag = new long[SIZE];
    final long[] writeTag = new long[SIZE];
    final byte[][] dataPage = new byte[SIZE][];
    final long[] execTag = new long[SIZE];
    final byte[][] execPage = new byte[SIZE][];

    /** Statistics for the curious (/proc, the benchmark): slow-path fills and full flushes. */
    long fills, flushes;
    /**
     * The slots filled since the last full flush, the first {@link #nfilled} of them (a slot
     * may be listed twice), so that a flush clears only those: a short-lived process fills a
     * few dozen of the 2,048. When the list is full, a flush clears every slot.
     */
    private final int[] filled = new int[SIZE];
    private int nfilled;

    Tlb() {
        nfilled = SIZE;                 // every slot is to be cleared
        flushAll();
    }

    /** Forgets every translation: the slots filled since the last flush, or all of them. */
    void flushAll() {
        if (nfilled < SIZE) {
            for (int k = 0; k < nfilled; k++) {
                int i = filled[k];
                readTag[i] = writeTag[i] = execTag[i] = INVALID;
                dataPage[i] = execPage[i] = null;
            }
        } else {
            Arrays.fill(readTag, INVALID);
            Arrays.fill(writeTag, INVALID);
            Arrays.fill(execTag, INVALID);
            Arrays.fill(dataPage, null);
            Arrays.fill(execPage, null);
        }
        nfilled = 0;
        flushes++;
    }

    /** Lists slot i as filled (until the list is full: then the next flush clears all). */
    private void filling(int i) {
        if (nfilled < SIZE) filled[nfilled++] = i;
    }

    /** Forgets any translation of virtual page {@code vpn}. */
    void flushPage(long vpn) {
        int i = (int) vpn & MASK;
        if (readTag[i] == vpn || writeTag[i] == vpn) {
            readTag[i] = INVALID;
            writeTag[i] = INVALID;
            dataPage[i] = null;
        }
        if (execTag[i] == vpn) {
            execTag[i] = INVALID;
            execPage[i] = null;
        }
    }

    /** Forgets translations of {@code npages} pages from {@code vpn} on. */
    void flushRange(long vpn, long npages) {
        if (npages >= SIZE) {
            flushAll();
            return;
        }
        for (long p = 0; p < npages; p++) flushPage(vpn + p);
    }

    /** Installs a data translation; the slot's previous page, if any, is replaced. */
    void fillData(long vpn, byte[] frame, boolean read, boolean write) {
        int i = (int) vpn & MASK;
        filling(i);
        dataPage[i] = frame;
        readTag[i] = read ? vpn : INVALID;
        writeTag[i] = write ? vpn : INVALID;
        fills++;
    }

    /** Installs an instruction-fetch translation. */
    void fillExec(long vpn, byte[] frame) {
        int i = (int) vpn & MASK;
        filling(i);
        execPage[i] = frame;
        execTag[i] = vpn;
        fills++;
    }
}
