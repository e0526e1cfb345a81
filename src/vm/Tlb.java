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
    static final int SIZE = 256;
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

    Tlb() {
        flushAll();
    }

    /** Forgets every translation. */
    void flushAll() {
        Arrays.fill(readTag, INVALID);
        Arrays.fill(writeTag, INVALID);
        Arrays.fill(execTag, INVALID);
        Arrays.fill(dataPage, null);
        Arrays.fill(execPage, null);
        flushes++;
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
        dataPage[i] = frame;
        readTag[i] = read ? vpn : INVALID;
        writeTag[i] = write ? vpn : INVALID;
        fills++;
    }

    /** Installs an instruction-fetch translation. */
    void fillExec(long vpn, byte[] frame) {
        int i = (int) vpn & MASK;
        execPage[i] = frame;
        execTag[i] = vpn;
        fills++;
    }
}
