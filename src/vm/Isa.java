package vm;

/**
 * The instruction set of the Clonix machine: opcodes, registers and the one instruction format.
 *
 * <p>Every instruction is eight bytes, stored little-endian, with byte-aligned fields so that a
 * hex dump can be read by eye:
 *
 * <pre>
 *   byte 0   opcode
 *   byte 1   rd    destination register (0..31)
 *   byte 2   rs1   first source register (0..31)
 *   byte 3   rs2   second source register (0..31)
 *   byte 4-7 imm   32-bit immediate, signed unless the opcode says otherwise
 * </pre>
 *
 * As a 64-bit little-endian word {@code w}: {@code op = w & 0xff}, {@code rd = (w >>> 8) & 0xff},
 * {@code rs1 = (w >>> 16) & 0xff}, {@code rs2 = (w >>> 24) & 0xff}, {@code imm = (int) (w >>> 32)}.
 * Fields an opcode does not use must be zero and register fields must be below 32; anything else
 * is an illegal instruction. docs/isa.md is the reference for what each opcode does; this class
 * is the single table the interpreter, assembler and disassembler share.
 */
public final class Isa {
    private Isa() {}

    /** Size of every instruction in bytes. Instructions must be 8-byte aligned. */
    public static final int INSN_BYTES = 8;

    // ---- Registers and their ABI names (docs/isa.md, "Calling convention") ----
    public static final int ZERO = 0, RA = 1, SP = 2, TP = 3, FP = 4;
    public static final int T0 = 5, T1 = 6, T2 = 7, T3 = 8, T4 = 9;
    public static final int A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15, A6 = 16, A7 = 17;
    public static final int S1 = 18, S10 = 27;
    public static final int T5 = 28, T8 = 31;
    public static final int NREGS = 32;

    private static final String[] REG_NAMES = {
        "zero", "ra", "sp", "tp", "fp", "t0", "t1", "t2", "t3", "t4",
        "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
        "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10",
        "t5", "t6", "t7", "t8",
    };

    /** The ABI name of register {@code r} ("a0", "sp" ...). */
    public static String regName(int r) {
        return REG_NAMES[r];
    }

    /** Register number for an ABI name, "s0" (an alias of fp) or "rN"; -1 if it is not one. */
    public static int regNumber(String name) {
        for (int i = 0; i < NREGS; i++) if (REG_NAMES[i].equals(name)) return i;
        if (name.equals("s0")) return FP;
        if (name.length() >= 2 && name.charAt(0) == 'r') {
            try {
                int n = Integer.parseInt(name.substring(1));
                if (n >= 0 && n < NREGS && name.equals("r" + n)) return n;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    // ---- Operand shapes: which fields an opcode uses and how assembly writes them ----
    /** No operands: {@code syscall}. */
    public static final int F_NONE = 0;
    /** {@code op rd, rs1, rs2}. */
    public static final int F_RRR = 1;
    /** {@code op rd, rs1}. */
    public static final int F_RR = 2;
    /** {@code op rd, rs1, imm}. */
    public static final int F_RRI = 3;
    /** {@code op rd, imm}: li, lih. */
    public static final int F_RI = 4;
    /** {@code op rd, imm(rs1)}: loads and jalr. */
    public static final int F_LOAD = 5;
    /** {@code op rs2, imm(rs1)}: stores. */
    public static final int F_STORE = 6;
    /** {@code op rs1, rs2, target}: conditional branches, imm = target - pc. */
    public static final int F_BRANCH = 7;
    /** {@code op rd, target}: jal and addpc, imm = target - pc. */
    public static final int F_RTARGET = 8;
    /** {@code op rd, rs2, imm(rs1)}: atomics; rd receives the old value. */
    public static final int F_ATOMIC = 9;

    // ---- Opcodes. Zero is never an instruction, so a jump into zeroed memory traps. ----
    public static final int SYSCALL = 0x01, BREAK = 0x02, FENCE = 0x03, NOP = 0x04;

    public static final int ADD = 0x10, SUB = 0x11, MUL = 0x12, MULH = 0x13, MULHU = 0x14;
    public static final int DIV = 0x15, DIVU = 0x16, REM = 0x17, REMU = 0x18;
    public static final int AND = 0x19, OR = 0x1A, XOR = 0x1B, SLL = 0x1C, SRL = 0x1D, SRA = 0x1E;

    public static final int ADDW = 0x20, SUBW = 0x21, MULW = 0x22;
    public static final int DIVW = 0x25, DIVUW = 0x26, REMW = 0x27, REMUW = 0x28;
    public static final int SLLW = 0x2C, SRLW = 0x2D, SRAW = 0x2E;

    public static final int SEQ = 0x30, SNE = 0x31, SLT = 0x32, SLTU = 0x33, SLE = 0x34, SLEU = 0x35;

    public static final int NOT = 0x38, NEG = 0x39;
    public static final int SEXTB = 0x3A, SEXTH = 0x3B, SEXTW = 0x3C;
    public static final int ZEXTB = 0x3D, ZEXTH = 0x3E, ZEXTW = 0x3F;

    public static final int ADDI = 0x40, MULI = 0x42;
    public static final int ANDI = 0x49, ORI = 0x4A, XORI = 0x4B, SLLI = 0x4C, SRLI = 0x4D, SRAI = 0x4E;
    public static final int ADDIW = 0x50, SLLIW = 0x5C, SRLIW = 0x5D, SRAIW = 0x5E;
    public static final int SEQI = 0x60, SNEI = 0x61, SLTI = 0x62, SLTIU = 0x63, SLEI = 0x64, SLEIU = 0x65;

    public static final int LI = 0x70, LIH = 0x71, ADDPC = 0x72;

    public static final int LB = 0x80, LH = 0x81, LW = 0x82, LD = 0x83, LBU = 0x84, LHU = 0x85, LWU = 0x86;
    public static final int SB = 0x88, SH = 0x89, SW = 0x8A, SD = 0x8B;

    public static final int BEQ = 0x90, BNE = 0x91, BLT = 0x92, BGE = 0x93, BLTU = 0x94, BGEU = 0x95;
    public static final int JAL = 0x98, JALR = 0x99;

    public static final int CASW = 0xA0, CASD = 0xA1, FAAW = 0xA2, FAAD = 0xA3, XCHGW = 0xA4, XCHGD = 0xA5;

    // Floating point (vm/Fpu.java): doubles and floats live in the integer registers as their bits.
    public static final int FADDD = 0xC0, FSUBD = 0xC1, FMULD = 0xC2, FDIVD = 0xC3, FSQRTD = 0xC4, FNEGD = 0xC5;
    public static final int FCVTSD = 0xC6, FCVTDS = 0xC7;
    public static final int FADDS = 0xC8, FSUBS = 0xC9, FMULS = 0xCA, FDIVS = 0xCB, FSQRTS = 0xCC, FNEGS = 0xCD;
    public static final int FMADDD = 0xCE, FMADDS = 0xCF;
    public static final int FEQD = 0xD0, FLTD = 0xD1, FLED = 0xD2, FEQS = 0xD3, FLTS = 0xD4, FLES = 0xD5;
    public static final int FCVTDL = 0xD8, FCVTDLU = 0xD9, FCVTLD = 0xDA, FCVTLUD = 0xDB;
    public static final int FCVTSL = 0xDC, FCVTSLU = 0xDD, FCVTLS = 0xDE, FCVTLUS = 0xDF;

    /** The floating-point opcodes occupy 0xC0..0xDF; 0xD6, 0xD7 are still free. */
    public static final int FP_FIRST = 0xC0, FP_LAST = 0xDF;

    private static final String[] MNEMONIC = new String[256];
    private static final int[] FORMAT = new int[256];
    private static final long[] MUST_BE_ZERO = new long[256];

    private static void def(int op, String mnemonic, int format) {
        MNEMONIC[op] = mnemonic;
        FORMAT[op] = format;
        // Bits 5..7 of every register byte are always reserved; unused fields entirely.
        long rdMask = 0xE0L << 8, rs1Mask = 0xE0L << 16, rs2Mask = 0xE0L << 24;
        long rdAll = 0xFFL << 8, rs1All = 0xFFL << 16, rs2All = 0xFFL << 24, immAll = 0xFFFFFFFFL << 32;
        long m;
        switch (format) {
            case F_NONE: m = rdAll | rs1All | rs2All | immAll; break;
            case F_RRR: m = rdMask | rs1Mask | rs2Mask | immAll; break;
            case F_RR: m = rdMask | rs1Mask | rs2All | immAll; break;
            case F_RRI: m = rdMask | rs1Mask | rs2All; break;
            case F_RI: m = rdMask | rs1All | rs2All; break;
            case F_LOAD: m = rdMask | rs1Mask | rs2All; break;
            case F_STORE: m = rdAll | rs1Mask | rs2Mask; break;
            case F_BRANCH: m = rdAll | rs1Mask | rs2Mask; break;
            case F_RTARGET: m = rdMask | rs1All | rs2All; break;
            case F_ATOMIC: m = rdMask | rs1Mask | rs2Mask; break;
            default: throw new AssertionError(format);
        }
        MUST_BE_ZERO[op] = m;
    }

    static {
        def(SYSCALL, "syscall", F_NONE);
        def(BREAK, "break", F_NONE);
        def(FENCE, "fence", F_NONE);
        def(NOP, "nop", F_NONE);

        def(ADD, "add", F_RRR); def(SUB, "sub", F_RRR); def(MUL, "mul", F_RRR);
        def(MULH, "mulh", F_RRR); def(MULHU, "mulhu", F_RRR);
        def(DIV, "div", F_RRR); def(DIVU, "divu", F_RRR); def(REM, "rem", F_RRR); def(REMU, "remu", F_RRR);
        def(AND, "and", F_RRR); def(OR, "or", F_RRR); def(XOR, "xor", F_RRR);
        def(SLL, "sll", F_RRR); def(SRL, "srl", F_RRR); def(SRA, "sra", F_RRR);

        def(ADDW, "addw", F_RRR); def(SUBW, "subw", F_RRR); def(MULW, "mulw", F_RRR);
        def(DIVW, "divw", F_RRR); def(DIVUW, "divuw", F_RRR); def(REMW, "remw", F_RRR); def(REMUW, "remuw", F_RRR);
        def(SLLW, "sllw", F_RRR); def(SRLW, "srlw", F_RRR); def(SRAW, "sraw", F_RRR);

        def(SEQ, "seq", F_RRR); def(SNE, "sne", F_RRR); def(SLT, "slt", F_RRR);
        def(SLTU, "sltu", F_RRR); def(SLE, "sle", F_RRR); def(SLEU, "sleu", F_RRR);

        def(NOT, "not", F_RR); def(NEG, "neg", F_RR);
        def(SEXTB, "sext.b", F_RR); def(SEXTH, "sext.h", F_RR); def(SEXTW, "sext.w", F_RR);
        def(ZEXTB, "zext.b", F_RR); def(ZEXTH, "zext.h", F_RR); def(ZEXTW, "zext.w", F_RR);

        def(ADDI, "addi", F_RRI); def(MULI, "muli", F_RRI);
        def(ANDI, "andi", F_RRI); def(ORI, "ori", F_RRI); def(XORI, "xori", F_RRI);
        def(SLLI, "slli", F_RRI); def(SRLI, "srli", F_RRI); def(SRAI, "srai", F_RRI);
        def(ADDIW, "addiw", F_RRI); def(SLLIW, "slliw", F_RRI); def(SRLIW, "srliw", F_RRI); def(SRAIW, "sraiw", F_RRI);
        def(SEQI, "seqi", F_RRI); def(SNEI, "snei", F_RRI); def(SLTI, "slti", F_RRI);
        def(SLTIU, "sltiu", F_RRI); def(SLEI, "slei", F_RRI); def(SLEIU, "sleiu", F_RRI);

        def(LI, "li", F_RI); def(LIH, "lih", F_RI); def(ADDPC, "addpc", F_RTARGET);

        def(LB, "lb", F_LOAD); def(LH, "lh", F_LOAD); def(LW, "lw", F_LOAD); def(LD, "ld", F_LOAD);
        def(LBU, "lbu", F_LOAD); def(LHU, "lhu", F_LOAD); def(LWU, "lwu", F_LOAD);
        def(SB, "sb", F_STORE); def(SH, "sh", F_STORE); def(SW, "sw", F_STORE); def(SD, "sd", F_STORE);

        def(BEQ, "beq", F_BRANCH); def(BNE, "bne", F_BRANCH); def(BLT, "blt", F_BRANCH);
        def(BGE, "bge", F_BRANCH); def(BLTU, "bltu", F_BRANCH); def(BGEU, "bgeu", F_BRANCH);
        def(JAL, "jal", F_RTARGET); def(JALR, "jalr", F_LOAD);

        def(CASW, "cas.w", F_ATOMIC); def(CASD, "cas.d", F_ATOMIC);
        def(FAAW, "faa.w", F_ATOMIC); def(FAAD, "faa.d", F_ATOMIC);
        def(XCHGW, "xchg.w", F_ATOMIC); def(XCHGD, "xchg.d", F_ATOMIC);

        def(FADDD, "fadd.d", F_RRR); def(FSUBD, "fsub.d", F_RRR); def(FMULD, "fmul.d", F_RRR);
        def(FDIVD, "fdiv.d", F_RRR); def(FSQRTD, "fsqrt.d", F_RR); def(FNEGD, "fneg.d", F_RR);
        def(FCVTSD, "fcvt.s.d", F_RR); def(FCVTDS, "fcvt.d.s", F_RR);
        def(FADDS, "fadd.s", F_RRR); def(FSUBS, "fsub.s", F_RRR); def(FMULS, "fmul.s", F_RRR);
        def(FDIVS, "fdiv.s", F_RRR); def(FSQRTS, "fsqrt.s", F_RR); def(FNEGS, "fneg.s", F_RR);
        def(FMADDD, "fmadd.d", F_RRR); def(FMADDS, "fmadd.s", F_RRR);
        def(FEQD, "feq.d", F_RRR); def(FLTD, "flt.d", F_RRR); def(FLED, "fle.d", F_RRR);
        def(FEQS, "feq.s", F_RRR); def(FLTS, "flt.s", F_RRR); def(FLES, "fle.s", F_RRR);
        def(FCVTDL, "fcvt.d.l", F_RR); def(FCVTDLU, "fcvt.d.lu", F_RR);
        def(FCVTLD, "fcvt.l.d", F_RR); def(FCVTLUD, "fcvt.lu.d", F_RR);
        def(FCVTSL, "fcvt.s.l", F_RR); def(FCVTSLU, "fcvt.s.lu", F_RR);
        def(FCVTLS, "fcvt.l.s", F_RR); def(FCVTLUS, "fcvt.lu.s", F_RR);
    }

    /** True if {@code op} is an opcode the machine implements. */
    public static boolean isDefined(int op) {
        return op >= 0 && op < 256 && MNEMONIC[op] != null;
    }

    /** The mnemonic of a defined opcode, or null. */
    public static String mnemonic(int op) {
        return MNEMONIC[op & 0xff];
    }

    /** The operand shape ({@code F_*}) of a defined opcode. */
    public static int format(int op) {
        return FORMAT[op & 0xff];
    }

    /** The opcode for a mnemonic, or -1. */
    public static int opcode(String mnemonic) {
        for (int op = 0; op < 256; op++) if (mnemonic.equals(MNEMONIC[op])) return op;
        return -1;
    }

    /** True if the 64-bit instruction word is one the machine will execute (else: illegal). */
    public static boolean isLegal(long word) {
        int op = (int) (word & 0xff);
        return MNEMONIC[op] != null && (word & MUST_BE_ZERO[op]) == 0;
    }

    /** Bits of an instruction word that must be zero for opcode {@code op} (all ones if undefined). */
    public static long mustBeZero(int op) {
        return MNEMONIC[op & 0xff] == null ? -1L : MUST_BE_ZERO[op & 0xff];
    }

    /** Builds an instruction word from its fields. */
    public static long encode(int op, int rd, int rs1, int rs2, int imm) {
        return (op & 0xffL) | (rd & 0xffL) << 8 | (rs1 & 0xffL) << 16 | (rs2 & 0xffL) << 24 | (long) imm << 32;
    }

    public static int op(long w) { return (int) (w & 0xff); }
    public static int rd(long w) { return (int) ((w >>> 8) & 0xff); }
    public static int rs1(long w) { return (int) ((w >>> 16) & 0xff); }
    public static int rs2(long w) { return (int) ((w >>> 24) & 0xff); }
    public static int imm(long w) { return (int) (w >>> 32); }
}
