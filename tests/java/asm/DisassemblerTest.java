package asm;

import obj.ObjectFile;
import obj.Symbol;
import org.junit.jupiter.api.Test;
import vm.Isa;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The objdump-style listing and the one-instruction formatter. */
class DisassemblerTest {
    private static Symbol sym(String name, long addr) {
        return new Symbol(name, null, addr, 0, Symbol.Binding.GLOBAL, Symbol.Type.FUNC);
    }

    private static String fmt(String source) {
        return Disassembler.format(Asm.word(source), 0x1000, SymbolLookup.NONE);
    }

    @Test
    void listingLooksLikeObjdump() {
        byte[] code = Asm.text("li a0, 42\nj .-8");
        String expected = "\n0000000000400000 <_start>:\n"
                + "  400000:\t70 0a 00 00 2a 00 00 00 \tli\ta0, 42\n"
                + "  400008:\t98 00 00 00 f8 ff ff ff \tj\t400000 <_start>\n";
        assertEquals(expected, Disassembler.disassemble(code, 0x400000, List.of(sym("_start", 0x400000))));
    }

    @Test
    void pseudoSpellingsWhereTheEncodingIsExactlyThePseudo() {
        assertEquals("mv\ta0, a1", fmt("mv a0, a1"));
        assertEquals("ret", fmt("ret"));
        assertEquals("jr\tt0", fmt("jr t0"));
        assertEquals("callr\tt0", fmt("callr t0"));
        assertEquals("j\t1010", fmt("j .+16"));
        assertEquals("call\tff0", fmt("call .-16"));
        // Not quite the pseudo: the real instruction.
        assertEquals("addi\ta0, a1, 1", fmt("addi a0, a1, 1"));
        assertEquals("jalr\tzero, 8(ra)", fmt("jalr zero, 8(ra)"));
        assertEquals("jalr\tt1, 0(t0)", fmt("jalr t1, 0(t0)"));
        assertEquals("jal\tt0, 1008", fmt("jal t0, .+8"));
    }

    @Test
    void everyOperandShape() {
        assertEquals("syscall", fmt("syscall"));
        assertEquals("add\ta0, a1, a2", fmt("add a0, a1, a2"));
        assertEquals("sext.b\ts1, s10", fmt("sext.b s1, s10"));
        assertEquals("slli\tt0, t0, 3", fmt("slli t0, t0, 3"));
        assertEquals("li\ta0, -5", fmt("li a0, -5"));
        assertEquals("lih\ta0, 1", fmt("lih a0, 1"));
        assertEquals("addpc\tt8, 1000", fmt("addpc t8, ."));
        assertEquals("lbu\ta0, -1(sp)", fmt("lbu a0, -1(sp)"));
        assertEquals("sw\ta1, 4(fp)", fmt("sw a1, 4(s0)"));
        assertEquals("bgeu\ta0, zero, 1000", fmt("bgeu a0, zero, ."));
        assertEquals("xchg.d\ta0, a1, 8(a2)", fmt("xchg.d a0, a1, 8(a2)"));
        assertEquals("fmadd.d\ta0, a1, a2", fmt("fmadd.d a0, a1, a2"));
        assertEquals("fcvt.lu.s\tt0, s1", fmt("fcvt.lu.s t0, s1"));
    }

    @Test
    void targetsAreNamedWithSymbolPlusOffset() {
        SymbolLookup lookup = SymbolLookup.of(List.of(sym("main", 0x400100), sym("helper", 0x400200)));
        long word = Isa.encode(Isa.JAL, Isa.RA, 0, 0, 0x110);
        assertEquals("call\t400210 <helper+0x10>", Disassembler.format(word, 0x400100, lookup));
        assertEquals("call\t400100 <main>", Disassembler.format(Isa.encode(Isa.JAL, 1, 0, 0, 0), 0x400100, lookup));
        assertEquals("call\t400000", Disassembler.format(Isa.encode(Isa.JAL, 1, 0, 0, -0x100), 0x400100, lookup));
    }

    @Test
    void illegalWordsPrintAsQuad() {
        assertEquals(".quad\t0x0000000000000000", Disassembler.format(0, 0, SymbolLookup.NONE));
        assertEquals(".quad\t0x00000000000000ff", Disassembler.format(0xff, 0, SymbolLookup.NONE));
        // add with a non-zero immediate: the unused field must be zero.
        assertEquals(".quad\t0x000000010c0b0a10", Disassembler.format(0x000000010c0b0a10L, 0, SymbolLookup.NONE));
        // a register field of 32 or more.
        assertEquals(".quad\t0x0000000000002004", Disassembler.format(0x2004, 0, SymbolLookup.NONE));
    }

    @Test
    void shortTailPrintsAsBytes() {
        String s = Disassembler.disassemble(new byte[] {4, 0, 0, 0, 0, 0, 0, 0, 1, 2}, 0, List.of());
        assertEquals("       0:\t04 00 00 00 00 00 00 00 \tnop\n       8:\t01 02                   \t.byte\t0x01, 0x02\n", s);
    }

    @Test
    void objectListingShowsRelocationsAndSymbols() {
        ObjectFile o = Asm.assemble(".globl main\nmain: la a0, msg\ncall puts\n.L1: j .L1\n.rodata\nmsg: .asciz \"hi\"");
        String expected = "Disassembly of section .text:\n"
                + "\n0000000000000000 <main>:\n"
                + "       0:\t70 0a 00 00 00 00 00 00 \tla\ta0, msg\n"
                + "\t\t\t4: ABS32\tmsg\n"
                + "       8:\t98 01 00 00 00 00 00 00 \tcall\tputs\n"
                + "\t\t\tc: PCREL32\tputs\n"
                + "      10:\t98 00 00 00 00 00 00 00 \tj\t10 <main+0x10>\n";
        assertEquals(expected, Disassembler.disassemble(o));
    }

    @Test
    void liOfASymbolAddressGetsAComment() {
        byte[] code = Asm.text("li a1, 0x401000");
        String s = Disassembler.disassemble(code, 0x400000, List.of(sym("_start", 0x400000),
                new Symbol("msg", null, 0x401000, 0, Symbol.Binding.LOCAL, Symbol.Type.OBJECT)));
        assertTrue(s.contains("li\ta1, 4198400\t# 401000 <msg>\n"), s);
    }
}
