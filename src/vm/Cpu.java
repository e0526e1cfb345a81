package vm;

import static vm.Isa.*;

import java.lang.invoke.VarHandle;

/**
 * One virtual CPU: 32 registers, a pc, an MMU with its TLB, and the interpreter that is the
 * reference semantics of the instruction set (docs/isa.md).
 *
 * <p><b>How the kernel drives it.</b> {@link #loadContext} puts a task on the CPU,
 * {@link #run} executes up to a budget of instructions, {@link #trap} says why it stopped
 * early, the kernel handles that (reading and writing registers with {@link #reg} /
 * {@link #setReg}), and {@link #saveContext} takes the task off again. All CPUs are driven by
 * one host thread; nothing here is thread-safe, and nothing needs to be.
 *
 * <p><b>Two engines.</b> {@link #run} executes with the interpreter, {@link #interpret}, or, once
 * {@link #setCodeCache} gave the CPU a code cache, with the JIT ({@link Jit}), which translates
 * hot code into JVM classes and gives exactly the same results (docs/design.md, "Engines").
 *
 * <p><b>Why the loop looks the way it does.</b> {@link #interpret} is the hottest code of the
 * interpreter, so it is written for HotSpot's JIT: one method with a dense {@code switch} (compiled to a jump
 * table), registers in a {@code long[]}, the current code page kept in locals so that a fetch
 * is one array read, and loads and stores that hit the TLB done inline with one tag compare.
 * Everything rare (TLB misses, page-straddling accesses, faults, atomics) is in other methods.
 * The method must stay below HotSpot's 8000-bytecode limit for compilation (HugeMethodLimit),
 * or it would run interpreted and a hundred times slower: it is 3,692 bytes today
 * ({@code javap -c -p -cp target/classes vm.Cpu}); check it when adding instructions.
 */
public final class Cpu {
    private static final VarHandle I16 = LittleEndian.I16, I32 = LittleEndian.I32, I64 = LittleEndian.I64;

    /** Isa.mustBeZero for every opcode, copied into an array the loop can index cheaply. */
    private static final long[] MUST_BE_ZERO = new long[256];

    static {
        for (int op = 0; op < 256; op++) MUST_BE_ZERO[op] = Isa.mustBeZero(op);
    }

    private final int id;
    // Package-private for the JIT (Jit, JitRegion and the classes it generates), which works
    // on the same registers, pc, trap and MMU as the interpreter.
    final long[] x = new long[NREGS];
    long pc;
    final Mmu mmu = new Mmu(this);
    Trap trap;
    long retired;
    /** The machine's translations when this CPU runs the JIT engine; null: interpreter only. */
    private CodeCache codeCache;

    /** A CPU numbered {@code id} (0, 1 ...), with no task and no address space. */
    public Cpu(int id) {
        this.id = id;
    }

    /** This CPU's number. */
    public int id() {
        return id;
    }

    // ---------------------------------------------------------------- context

    /**
     * Puts a task on this CPU: copies its registers and pc in and switches to its address
     * space. The TLB is flushed only if the address space changes (a switch between threads
     * of one process keeps it, as on Linux). Called by the scheduler's context switch.
     */
    public void loadContext(Context ctx, AddressSpace mm) {
        System.arraycopy(ctx.regs, 0, x, 0, NREGS);
        x[0] = 0;
        pc = ctx.pc;
        mmu.switchTo(mm);
        trap = null;
    }

    /** Copies the CPU's registers and pc into {@code ctx}. Called when a task leaves the CPU. */
    public void saveContext(Context ctx) {
        System.arraycopy(x, 0, ctx.regs, 0, NREGS);
        ctx.pc = pc;
    }

    /**
     * Drops the address space, flushing the TLB. The scheduler does not call it: an idle CPU
     * keeps the last address space loaded (Linux's lazy TLB), so that the next thread of the
     * same process finds its translations still there.
     */
    public void releaseAddressSpace() {
        mmu.switchTo(null);
    }

    /** Full flushes of this CPU's TLB so far (address-space switches, shootdowns of large ranges, observers). */
    public long tlbFlushes() {
        return mmu.tlb.flushes;
    }

    /** Translations this CPU's TLB has taken in so far, data and instruction fetches (TLB misses that were filled). */
    public long tlbFills() {
        return mmu.tlb.fills;
    }

    /** The address space this CPU translates through, or null. */
    public AddressSpace addressSpace() {
        return mmu.addressSpace();
    }

    /** Register {@code r} of the running context (r0 reads 0). */
    public long reg(int r) {
        return x[r];
    }

    /** Sets register {@code r} (a syscall's result into a0, ...); writes to r0 are ignored. */
    public void setReg(int r, long value) {
        if (r != 0) x[r] = value;
    }

    /** The pc: the next instruction to execute (after a trap, as docs/isa.md's table says). */
    public long pc() {
        return pc;
    }

    /** Sets the pc (signal delivery, sigreturn, exec). */
    public void setPc(long pc) {
        this.pc = pc;
    }

    /** Why the last {@link #run} stopped early, or null if it used its whole budget. */
    public Trap trap() {
        return trap;
    }

    /** Instructions retired by this CPU since it was made (a trapping one does not count). */
    public long retired() {
        return retired;
    }

    /**
     * Installs {@code observer} (null: none) to watch this CPU's data accesses, and flushes
     * the TLB so that no page cached before escapes it (see {@link AccessObserver}).
     */
    public void setAccessObserver(AccessObserver observer) {
        mmu.observer = observer;
        mmu.tlb.flushAll();
    }

    /** The observer of this CPU's data accesses, or null. */
    public AccessObserver accessObserver() {
        return mmu.observer;
    }

    /**
     * Forgets every translation in this CPU's TLB, so that the next access to each page goes
     * through the MMU's slow path (and the observer, if there is one).
     */
    public void flushTlb() {
        mmu.tlb.flushAll();
    }

    /** This CPU's TLB (tests and statistics). */
    Tlb tlb() {
        return mmu.tlb;
    }

    /**
     * Selects the execution engine: with a code cache (shared by the CPUs of one machine),
     * {@link #run} executes hot code translated to JVM classes (see {@link Jit}); with null,
     * the interpreter alone. Both give exactly the same results (docs/design.md, "Engines").
     */
    public void setCodeCache(CodeCache cache) {
        this.codeCache = cache;
    }

    // ---------------------------------------------------------------- the interpreter

    /**
     * Executes instructions until {@code budget} of them have completed or one traps, and
     * returns how many completed: exactly {@code budget} unless {@link #trap} is then
     * non-null. A {@code syscall} completes (and counts) before it traps; any other trapping
     * instruction neither counts nor changes a register or a byte of memory, and the pc is
     * left at it. Never throws for anything a guest program does. The JIT engine, when
     * selected, gives exactly the interpreter's results; {@link #interpret} is the reference.
     */
    public long run(long budget) {
        // The JIT does not call the access observer: while there is one, the interpreter runs.
        if (codeCache != null && mmu.observer == null) return Jit.run(this, codeCache, budget);
        return interpret(budget);
    }

    /** {@link #run} by the interpreter alone: the reference semantics of every instruction. */
    long interpret(long budget) {
        // Starting with codeBase = pc ^ 1 makes the first offset +1 or -1, which never passes
        // the page test, so the first instruction is always fetched through the MMU (a fixed
        // sentinel would let some misaligned pc skip the fetch).
        return interpret(budget, pc ^ 1, null);
    }

    /**
     * The page of code the interpreter executed last, as {@link #interpret(long, long, byte[])}
     * left it: the guest address of the page (or a pc ^ 1 that matches no page) and its frame.
     */
    long lastCodeBase;
    byte[] lastCode;

    /**
     * {@link #interpret(long)} continuing in the code page {@code codeBase} whose frame is
     * {@code code}, which the caller fetched through the I-TLB as the interpreter would have:
     * so the JIT hands a run over to the interpreter and back without an I-TLB lookup the
     * interpreter alone would not make. Leaves the page it ends in in {@link #lastCodeBase}
     * and {@link #lastCode}.
     */
    long interpret(long budget, long codeBase, byte[] code) {
        trap = null;
        if (budget <= 0) return 0;
        final long[] x = this.x;
        final Tlb tlb = mmu.tlb;
        final long[] readTag = tlb.readTag, writeTag = tlb.writeTag;
        final byte[][] dataPage = tlb.dataPage;
        long pc = this.pc;
        long left = budget;
        // codeBase and code: the code page being executed, a one-entry cache in front of the
        // I-TLB, looked up again only when the pc leaves the page.

        loop:
        while (left != 0) {
            // One test catches both leaving the code page and a pc that is not 8-aligned.
            long off = pc - codeBase;
            if ((off & ~0xFF8L) != 0) {
                if ((pc & 7) != 0) {
                    trap = new Trap(TrapCause.MISALIGNED, pc, pc, AccessKind.EXECUTE, null, 0);
                    break;
                }
                code = mmu.fetchPage(pc);
                if (code == null) {
                    trap = pageFault(pc, 0);
                    break;
                }
                codeBase = pc & ~0xFFFL;
                off = pc - codeBase;
            }
            final long w = (long) I64.get(code, (int) off);
            final int op = (int) w & 0xFF;
            if ((w & MUST_BE_ZERO[op]) != 0) {
                trap = new Trap(TrapCause.ILLEGAL_INSTRUCTION, pc, 0, null, null, w);
                break;
            }
            final int rd = (int) (w >>> 8) & 31;
            final int rs1 = (int) (w >>> 16) & 31;
            final int rs2 = (int) (w >>> 24) & 31;
            final int imm = (int) (w >>> 32);

            switch (op) {
                case SYSCALL:
                    pc += 8;
                    left--;
                    trap = new Trap(TrapCause.SYSCALL, pc, 0, null, null, w);
                    break loop;
                case BREAK:
                    trap = new Trap(TrapCause.BREAKPOINT, pc, 0, null, null, w);
                    break loop;
                case FENCE:
                case NOP:
                    break;

                case ADD: x[rd] = x[rs1] + x[rs2]; break;
                case SUB: x[rd] = x[rs1] - x[rs2]; break;
                case MUL: x[rd] = x[rs1] * x[rs2]; break;
                case MULH: x[rd] = Math.multiplyHigh(x[rs1], x[rs2]); break;
                case MULHU: x[rd] = mulhu(x[rs1], x[rs2]); break;
                case DIV: case DIVU: case REM: case REMU:
                case DIVW: case DIVUW: case REMW: case REMUW: {
                    long a = x[rs1], b = x[rs2];
                    if (divideTraps(op, a, b)) {
                        trap = new Trap(TrapCause.DIVIDE_ERROR, pc, 0, null, null, w);
                        break loop;
                    }
                    x[rd] = divide(op, a, b);
                    break;
                }
                case AND: x[rd] = x[rs1] & x[rs2]; break;
                case OR: x[rd] = x[rs1] | x[rs2]; break;
                case XOR: x[rd] = x[rs1] ^ x[rs2]; break;
                case SLL: x[rd] = x[rs1] << x[rs2]; break;   // Java masks a long shift count to 6 bits
                case SRL: x[rd] = x[rs1] >>> x[rs2]; break;
                case SRA: x[rd] = x[rs1] >> x[rs2]; break;

                case ADDW: x[rd] = (int) (x[rs1] + x[rs2]); break;
                case SUBW: x[rd] = (int) (x[rs1] - x[rs2]); break;
                case MULW: x[rd] = (int) x[rs1] * (int) x[rs2]; break;
                case SLLW: x[rd] = (int) x[rs1] << x[rs2]; break;  // and an int shift count to 5
                case SRLW: x[rd] = (int) x[rs1] >>> x[rs2]; break;
                case SRAW: x[rd] = (int) x[rs1] >> x[rs2]; break;

                case SEQ: x[rd] = x[rs1] == x[rs2] ? 1 : 0; break;
                case SNE: x[rd] = x[rs1] != x[rs2] ? 1 : 0; break;
                case SLT: x[rd] = x[rs1] < x[rs2] ? 1 : 0; break;
                case SLTU: x[rd] = ltu(x[rs1], x[rs2]) ? 1 : 0; break;
                case SLE: x[rd] = x[rs1] <= x[rs2] ? 1 : 0; break;
                case SLEU: x[rd] = ltu(x[rs2], x[rs1]) ? 0 : 1; break;

                case NOT: x[rd] = ~x[rs1]; break;
                case NEG: x[rd] = -x[rs1]; break;
                case SEXTB: x[rd] = (byte) x[rs1]; break;
                case SEXTH: x[rd] = (short) x[rs1]; break;
                case SEXTW: x[rd] = (int) x[rs1]; break;
                case ZEXTB: x[rd] = x[rs1] & 0xFFL; break;
                case ZEXTH: x[rd] = x[rs1] & 0xFFFFL; break;
                case ZEXTW: x[rd] = x[rs1] & 0xFFFF_FFFFL; break;

                case ADDI: x[rd] = x[rs1] + imm; break;
                case MULI: x[rd] = x[rs1] * imm; break;
                case ANDI: x[rd] = x[rs1] & imm; break;
                case ORI: x[rd] = x[rs1] | imm; break;
                case XORI: x[rd] = x[rs1] ^ imm; break;
                case SLLI: x[rd] = x[rs1] << imm; break;
                case SRLI: x[rd] = x[rs1] >>> imm; break;
                case SRAI: x[rd] = x[rs1] >> imm; break;
                case ADDIW: x[rd] = (int) x[rs1] + imm; break;
                case SLLIW: x[rd] = (int) x[rs1] << imm; break;
                case SRLIW: x[rd] = (int) x[rs1] >>> imm; break;
                case SRAIW: x[rd] = (int) x[rs1] >> imm; break;
                case SEQI: x[rd] = x[rs1] == imm ? 1 : 0; break;
                case SNEI: x[rd] = x[rs1] != imm ? 1 : 0; break;
                case SLTI: x[rd] = x[rs1] < imm ? 1 : 0; break;
                case SLTIU: x[rd] = ltu(x[rs1], imm) ? 1 : 0; break;
                case SLEI: x[rd] = x[rs1] <= imm ? 1 : 0; break;
                case SLEIU: x[rd] = ltu(imm, x[rs1]) ? 0 : 1; break;

                case LI: x[rd] = imm; break;
                case LIH: x[rd] = (x[rd] & 0xFFFF_FFFFL) | (long) imm << 32; break;
                case ADDPC: x[rd] = pc + imm; break;

                // Loads and stores: the inline fast path is a TLB hit on an access that does
                // not cross the end of the page; everything else goes to the MMU.
                case LB: case LBU: {
                    long a = x[rs1] + imm;
                    int i = (int) (a >>> 12) & Tlb.MASK;
                    long v;
                    if (readTag[i] == a >>> 12) v = dataPage[i][(int) a & 0xFFF];
                    else {
                        v = mmu.load(a, 1, pc);
                        if (mmu.faulted) { trap = pageFault(pc, w); break loop; }
                    }
                    x[rd] = op == LB ? (byte) v : v & 0xFF;
                    break;
                }
                case LH: case LHU: {
                    long a = x[rs1] + imm;
                    int i = (int) (a >>> 12) & Tlb.MASK, o = (int) a & 0xFFF;
                    long v;
                    if (readTag[i] == a >>> 12 && o <= 4094) v = (short) I16.get(dataPage[i], o);
                    else {
                        v = mmu.load(a, 2, pc);
                        if (mmu.faulted) { trap = pageFault(pc, w); break loop; }
                    }
                    x[rd] = op == LH ? (short) v : v & 0xFFFF;
                    break;
                }
                case LW: case LWU: {
                    long a = x[rs1] + imm;
                    int i = (int) (a >>> 12) & Tlb.MASK, o = (int) a & 0xFFF;
                    long v;
                    if (readTag[i] == a >>> 12 && o <= 4092) v = (int) I32.get(dataPage[i], o);
                    else {
                        v = mmu.load(a, 4, pc);
                        if (mmu.faulted) { trap = pageFault(pc, w); break loop; }
                    }
                    x[rd] = op == LW ? (int) v : v & 0xFFFF_FFFFL;
                    break;
                }
                case LD: {
                    long a = x[rs1] + imm;
                    int i = (int) (a >>> 12) & Tlb.MASK, o = (int) a & 0xFFF;
                    if (readTag[i] == a >>> 12 && o <= 4088) x[rd] = (long) I64.get(dataPage[i], o);
                    else {
                        long v = mmu.load(a, 8, pc);
                        if (mmu.faulted) { trap = pageFault(pc, w); break loop; }
                        x[rd] = v;
                    }
                    break;
                }
                case SB: {
                    long a = x[rs1] + imm;
                    int i = (int) (a >>> 12) & Tlb.MASK;
                    if (writeTag[i] == a >>> 12) dataPage[i][(int) a & 0xFFF] = (byte) x[rs2];
                    else if (!mmu.store(a, 1, x[rs2], pc)) { trap = pageFault(pc, w); break loop; }
                    break;
                }
                case SH: {
                    long a = x[rs1] + imm;
                    int i = (int) (a >>> 12) & Tlb.MASK, o = (int) a & 0xFFF;
                    if (writeTag[i] == a >>> 12 && o <= 4094) I16.set(dataPage[i], o, (short) x[rs2]);
                    else if (!mmu.store(a, 2, x[rs2], pc)) { trap = pageFault(pc, w); break loop; }
                    break;
                }
                case SW: {
                    long a = x[rs1] + imm;
                    int i = (int) (a >>> 12) & Tlb.MASK, o = (int) a & 0xFFF;
                    if (writeTag[i] == a >>> 12 && o <= 4092) I32.set(dataPage[i], o, (int) x[rs2]);
                    else if (!mmu.store(a, 4, x[rs2], pc)) { trap = pageFault(pc, w); break loop; }
                    break;
                }
                case SD: {
                    long a = x[rs1] + imm;
                    int i = (int) (a >>> 12) & Tlb.MASK, o = (int) a & 0xFFF;
                    if (writeTag[i] == a >>> 12 && o <= 4088) I64.set(dataPage[i], o, x[rs2]);
                    else if (!mmu.store(a, 8, x[rs2], pc)) { trap = pageFault(pc, w); break loop; }
                    break;
                }

                // Control flow. The common tail adds 8 to pc, so a taken branch adds imm - 8,
                // in long arithmetic: in int, an immediate within 8 of -2^31 would wrap around
                // to a jump forward by 2 GiB.
                case BEQ: if (x[rs1] == x[rs2]) pc += imm - 8L; break;
                case BNE: if (x[rs1] != x[rs2]) pc += imm - 8L; break;
                case BLT: if (x[rs1] < x[rs2]) pc += imm - 8L; break;
                case BGE: if (x[rs1] >= x[rs2]) pc += imm - 8L; break;
                case BLTU: if (ltu(x[rs1], x[rs2])) pc += imm - 8L; break;
                case BGEU: if (!ltu(x[rs1], x[rs2])) pc += imm - 8L; break;
                case JAL:
                    x[rd] = pc + 8;
                    pc += imm - 8L;
                    break;
                case JALR: {
                    long target = x[rs1] + imm;   // read before writing rd: rd may equal rs1
                    x[rd] = pc + 8;
                    pc = target - 8;
                    break;
                }

                case CASW: case CASD: case FAAW: case FAAD: case XCHGW: case XCHGD:
                    if (!atomic(op, rd, rs1, rs2, imm, pc, w)) break loop;
                    break;

                case FADDD: case FSUBD: case FMULD: case FDIVD: case FSQRTD: case FNEGD:
                case FCVTSD: case FCVTDS:
                case FADDS: case FSUBS: case FMULS: case FDIVS: case FSQRTS: case FNEGS:
                case FMADDD: case FMADDS:
                case FEQD: case FLTD: case FLED: case FEQS: case FLTS: case FLES:
                case FCVTDL: case FCVTDLU: case FCVTLD: case FCVTLUD:
                case FCVTSL: case FCVTSLU: case FCVTLS: case FCVTLUS:
                    x[rd] = Fpu.execute(op, x[rs1], x[rs2], x[rd]);
                    break;

                default:
                    // Opcode 0 and every undefined opcode whose word passed the zero-field test.
                    trap = new Trap(TrapCause.ILLEGAL_INSTRUCTION, pc, 0, null, null, w);
                    break loop;
            }
            x[0] = 0;       // writes to r0 are discarded: undo whatever this instruction did
            pc += 8;
            left--;
        }
        x[0] = 0;
        this.pc = pc;
        lastCodeBase = codeBase;
        lastCode = code;
        long done = budget - left;
        retired += done;
        return done;
    }

    // ---------------------------------------------------------------- the rare cases, out of line

    /** Unsigned a < b. */
    private static boolean ltu(long a, long b) {
        return a + Long.MIN_VALUE < b + Long.MIN_VALUE;
    }

    /** High 64 bits of the unsigned 128-bit product (Math.unsignedMultiplyHigh is Java 18). */
    static long mulhu(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** Whether division op would trap: a zero divisor, or signed MIN / -1 (64 or 32 bits). */
    static boolean divideTraps(int op, long a, long b) {
        switch (op) {
            case DIV: case REM:
                return b == 0 || (b == -1 && a == Long.MIN_VALUE);
            case DIVW: case REMW:
                return (int) b == 0 || ((int) b == -1 && (int) a == Integer.MIN_VALUE);
            case DIVUW: case REMUW:
                return (int) b == 0;
            default:
                return b == 0;
        }
    }

    /** The result of a division op that does not trap; 32-bit results are sign-extended. */
    static long divide(int op, long a, long b) {
        switch (op) {
            case DIV: return a / b;
            case DIVU: return Long.divideUnsigned(a, b);
            case REM: return a % b;
            case REMU: return Long.remainderUnsigned(a, b);
            case DIVW: return (int) a / (int) b;
            case DIVUW: return Integer.divideUnsigned((int) a, (int) b);
            case REMW: return (int) a % (int) b;
            default: return Integer.remainderUnsigned((int) a, (int) b);
        }
    }

    /**
     * Executes an atomic (cas, faa, xchg; .w or .d) as one indivisible step. Returns false,
     * with the trap recorded and nothing changed, if the address is misaligned or faults.
     */
    boolean atomic(int op, int rd, int rs1, int rs2, int imm, long pc, long w) {
        return atomicFrame(op, rd, rs1, rs2, imm, pc, w) != null;
    }

    /**
     * {@link #atomic}, returning the frame the atomic worked on, or null if it trapped: the JIT
     * leaves its region after an atomic on the frame of the code it runs.
     */
    byte[] atomicFrame(int op, int rd, int rs1, int rs2, int imm, long pc, long w) {
        long a = x[rs1] + imm;
        boolean wide = op == CASD || op == FAAD || op == XCHGD;
        if ((a & (wide ? 7 : 3)) != 0) {
            trap = new Trap(TrapCause.MISALIGNED, pc, a, AccessKind.WRITE, null, w);
            return null;
        }
        byte[] page = mmu.atomicPage(a, wide ? 8 : 4, pc);
        if (page == null) {
            trap = pageFault(pc, w);
            return null;
        }
        int o = (int) a & 0xFFF;
        long old = wide ? (long) I64.get(page, o) : (long) (int) I32.get(page, o);
        long src = x[rs2];
        switch (op) {
            case CASW: if ((int) old == (int) x[rd]) I32.set(page, o, (int) src); break;
            case CASD: if (old == x[rd]) I64.set(page, o, src); break;
            case FAAW: I32.set(page, o, (int) (old + src)); break;
            case FAAD: I64.set(page, o, old + src); break;
            case XCHGW: I32.set(page, o, (int) src); break;
            default: I64.set(page, o, src); break;
        }
        x[rd] = old;
        return page;
    }

    /** The trap for the access the MMU just failed: a page fault, or the observer's STOP. */
    Trap pageFault(long pc, long w) {
        if (mmu.stopped) return new Trap(TrapCause.ACCESS_STOP, pc, mmu.faultAddress, mmu.faultAccess, null, w);
        return new Trap(TrapCause.PAGE_FAULT, pc, mmu.faultAddress, mmu.faultAccess, mmu.faultKind, w);
    }
}
