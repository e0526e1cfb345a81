package asm;

import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import obj.Symbol;
import org.junit.jupiter.api.Test;
import vm.Isa;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Disassembling to source and assembling again gives back the same object. */
class RoundTripTest {
    /** A program with every opcode in every operand shape, every pseudo, data, relocations. */
    static String everything() {
        StringBuilder sb = new StringBuilder();
        sb.append("\t.globl\tmain\n\t.type\tmain, @function\nmain:\n");
        int i = 0;
        for (int op = 0; op < 256; op++) {
            if (!Isa.isDefined(op)) continue;
            String m = Isa.mnemonic(op);
            String a = Isa.regName(i % 32), b = Isa.regName((i * 7 + 3) % 32), c = Isa.regName((i * 13 + 5) % 32);
            int imm = m.matches("s[lr][la]iw?") ? i % 32 : (i * 2654435761L % 2 == 0 ? -i * 1000 : i * 77);
            switch (Isa.format(op)) {
                case Isa.F_NONE: sb.append('\t').append(m).append('\n'); break;
                case Isa.F_RRR: sb.append(String.format("\t%s %s, %s, %s%n", m, a, b, c)); break;
                case Isa.F_RR: sb.append(String.format("\t%s %s, %s%n", m, a, b)); break;
                case Isa.F_RRI: sb.append(String.format("\t%s %s, %s, %d%n", m, a, b, imm)); break;
                case Isa.F_RI: sb.append(String.format("\t%s %s, %d%n", m, a, imm)); break;
                case Isa.F_LOAD: case Isa.F_STORE: sb.append(String.format("\t%s %s, %d(%s)%n", m, a, imm, b)); break;
                case Isa.F_BRANCH: sb.append(String.format("\t%s %s, %s, main%n\t%s %s, %s, far%n", m, a, b, m, b, c)); break;
                case Isa.F_RTARGET: sb.append(String.format("\t%s %s, .L%d%n.L%d:\t%s %s, ext%n", m, a, i, i, m, c)); break;
                case Isa.F_ATOMIC: sb.append(String.format("\t%s %s, %s, %d(%s)%n", m, a, b, imm, c)); break;
                default: throw new AssertionError(m);
            }
            i++;
        }
        sb.append("\tmv a0, a1\n\tla a2, table+8\n\tj main\n\tcall printf\n\tjr t0\n\tcallr t1\n\tret\n")
          .append("\tli a0, 0x123456789abcdef\n\tli a1, -1\n\tli a2, counter\n\tld a3, counter+8(zero)\n")
          .append("\tj .\n\tbeq a0, a1, .+24\n\tnop\n\tnop\n.align 32\nfar:\tret\n\t.size main, .-main\n")
          .append("\t.rodata\nmsg:\t.asciz \"hello, \\\"world\\\"\\n\\t\\001\"\n\t.byte 1, 2, 3, 0xff\n")
          .append("\t.data\n\t.align 16\ntable:\t.quad main, msg+3, printf, 42\n\t.word ext-4, 7\n\t.half 0x1234\n")
          .append("\t.bss\ncounter:\t.zero 24\n\t.globl\tbuf\n\t.type buf, @object\nbuf:\t.zero 100\n\t.size buf, 100\n")
          .append("\t.section .init_array.00101\n\t.quad main\n\t.section .init_array\n\t.quad far\n")
          .append("\t.section .init_array.00101\n\t.quad msg\n\t.section .fini_array.65535\n\t.quad main\n");
        return sb.toString();
    }

    @Test
    void objectSurvivesDisassemblyAndReassembly() {
        ObjectFile a = Asm.assemble(everything());
        String source = Disassembler.disassembleAsSource(a);
        ObjectFile b = Asm.assemble(source);
        for (Section.Kind k : Section.Kind.values()) {
            assertArrayEquals(a.section(k).data(), b.section(k).data(), k + " bytes\n" + source);
            assertEquals(a.section(k).size(), b.section(k).size(), k + " size");
            assertEquals(a.section(k).align(), b.section(k).align(), k + " alignment");
            if (a.section(k).hasPriorities()) assertEquals(a.section(k).pieces(), b.section(k).pieces(), k + " priorities\n" + source);
        }
        assertEquals(relocations(a), relocations(b));
        for (Symbol s : a.symbols()) {
            Symbol t = b.symbol(s.name);
            assertNotNull(t, s.name);
            assertEquals(describe(s), describe(t));
        }
        // Disassembling again gives the same source, but for declarations of the labels that
        // the first disassembly generated for branch targets and which are now symbols.
        assertEquals(source, Disassembler.disassembleAsSource(b).replaceAll("\t\\.local\t\\.L_[0-9a-f]+\n", ""));
    }

    @Test
    void textIsAtLeastAsLongAsTheOpcodeTable() {
        assertEquals(true, Asm.text(everything()).length > 90 * 8);
    }

    private static List<String> relocations(ObjectFile o) {
        List<String> l = new ArrayList<>();
        for (Relocation r : o.relocations()) l.add(r.toString());
        return l;
    }

    private static String describe(Symbol s) {
        return s.name + " " + s.section + " " + s.value + " " + s.size + " " + s.binding + " " + s.type;
    }

    /** Random words, legal or not, at an executable-like address come back byte for byte. */
    @Test
    void randomWordsRoundTripThroughRawSource() {
        Random rnd = new Random(42);
        byte[] code = new byte[8 * 4000];
        for (int off = 0; off < code.length; off += 8) {
            long w;
            switch (rnd.nextInt(3)) {
                case 0: w = rnd.nextLong(); break;
                case 1: {
                    // A legal instruction with random fields, unused ones cleared.
                    int op;
                    do op = rnd.nextInt(256); while (!Isa.isDefined(op));
                    w = rnd.nextLong() & ~Isa.mustBeZero(op);
                    w = (w & ~0xffL) | op;
                    break;
                }
                default: {
                    // A branch to a nearby word, so that generated labels are exercised.
                    int op = Isa.BEQ + rnd.nextInt(6);
                    w = Isa.encode(op, 0, rnd.nextInt(32), rnd.nextInt(32), 8 * (rnd.nextInt(41) - 20));
                }
            }
            for (int i = 0; i < 8; i++) code[off + i] = (byte) (w >>> (8 * i));
        }
        List<Symbol> syms = List.of(new Symbol("_start", null, 0x400000, 0, Symbol.Binding.GLOBAL, Symbol.Type.FUNC),
                new Symbol("mid", null, 0x400000 + 8 * 2000, 0, Symbol.Binding.LOCAL, Symbol.Type.NOTYPE),
                new Symbol("odd", null, 0x400000 + 8 * 3000 + 3, 0, Symbol.Binding.LOCAL, Symbol.Type.NOTYPE));
        String source = Disassembler.disassembleAsSource(code, 0x400000, syms);
        assertArrayEquals(code, Asm.text(source));
    }

    @Test
    void rawSourceUsesLabelsForTargets() {
        byte[] code = Asm.text("top: nop\nbne a0, zero, top\nbeq a0, a1, next\nnop\nnext: j .+64");
        String s = Disassembler.disassembleAsSource(code, 0x400000,
                List.of(new Symbol("_start", null, 0x400000, 0, Symbol.Binding.GLOBAL, Symbol.Type.NOTYPE)));
        assertEquals("\t.text\n\t.globl\t_start\n_start:\n\tnop\n\tbne\ta0, zero, _start\n\tbeq\ta0, a1, .L_400020\n\tnop\n"
                + ".L_400020:\n\tj\t.+64\n", s);
        assertArrayEquals(code, Asm.text(s));
    }
}
