package asm;

import obj.ObjectFile;
import obj.Section;
import obj.Symbol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Labels, their binding, undefined symbols and .equ constants. */
class SymbolTest {
    @Test
    void labelsAreLocalUnlessDeclaredGlobal() {
        ObjectFile o = Asm.assemble(".globl main\nmain: nop\nhelper: ret\n.L1: nop");
        assertEquals(Symbol.Binding.GLOBAL, o.symbol("main").binding);
        assertEquals(Symbol.Binding.LOCAL, o.symbol("helper").binding);
        assertEquals(8, o.symbol("helper").value);
        assertEquals(Symbol.Binding.LOCAL, o.symbol(".L1").binding);
        assertEquals(Section.Kind.TEXT, o.symbol(".L1").section);
    }

    @Test
    void globlMayComeAfterTheLabelAndGlobalIsAnAlias() {
        ObjectFile o = Asm.assemble("f: ret\n.global f, g\ng: ret");
        assertEquals(Symbol.Binding.GLOBAL, o.symbol("f").binding);
        assertEquals(Symbol.Binding.GLOBAL, o.symbol("g").binding);
    }

    @Test
    void localOverridesAnEarlierGlobl() {
        assertEquals(Symbol.Binding.LOCAL, Asm.assemble(".globl f\n.local f\nf: ret").symbol("f").binding);
    }

    @Test
    void usedButUndefinedSymbolsAreUndefinedGlobals() {
        ObjectFile o = Asm.assemble("call printf\nla a0, buffer");
        for (String name : List.of("printf", "buffer")) {
            Symbol s = o.symbol(name);
            assertTrue(s.isUndefined(), name);
            assertEquals(Symbol.Binding.GLOBAL, s.binding);
        }
    }

    @Test
    void globlOfAnUndefinedSymbolDeclaresIt() {
        assertTrue(Asm.assemble(".globl ext").symbol("ext").isUndefined());
    }

    @Test
    void symbolTableIsInFirstMentionOrder() {
        ObjectFile o = Asm.assemble(".globl z\nb: call ext\na: nop\nz: nop");
        assertEquals("z,b,a,ext", o.symbols().stream().map(s -> s.name).collect(Collectors.joining(",")));
    }

    @Test
    void severalLabelsOnOneLine() {
        ObjectFile o = Asm.assemble("nop\na: b: c: ret");
        assertEquals(8, o.symbol("a").value);
        assertEquals(8, o.symbol("c").value);
    }

    @Test
    void equConstantsAreNotExported() {
        ObjectFile o = Asm.assemble(".equ N, 10\n.set M, N * 2\nK = M + 1\nli a0, K");
        assertNull(o.symbol("N"));
        assertNull(o.symbol("K"));
        assertEquals(vm.Isa.encode(vm.Isa.LI, 10, 0, 0, 21), Disassembler.word(o.section(Section.Kind.TEXT).data(), 0));
    }

    @Test
    void equOfAnAddressIsAnotherLabel() {
        ObjectFile o = Asm.assemble(".data\nnop_ptr: .quad 0\n.equ alias, nop_ptr + 8");
        assertEquals(Section.Kind.DATA, o.symbol("alias").section);
        assertEquals(8, o.symbol("alias").value);
    }

    @Test
    void constantsMayBeUsedBeforeTheirEqu() {
        assertEquals(vm.Isa.encode(vm.Isa.LI, 12, 0, 0, 13), Asm.word("li a2, LEN\n.equ LEN, 13"));
    }

    @Test
    void registerNamesCanStillBeSymbolsWhereAValueIsExpected() {
        // A C global called s1 or zero must remain usable.
        ObjectFile o = Asm.assemble("la a0, s1\ncall zero\nld a1, s1(zero)\n.data\ns1: .quad 0\n.text\nzero: ret");
        assertEquals(Section.Kind.DATA, o.symbol("s1").section);
        assertEquals(24, o.symbol("zero").value);
        assertEquals(2, o.relocations().size());
    }
}
