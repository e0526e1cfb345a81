package ld;

import static ld.TestObjects.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import obj.Executable;
import obj.ObjectFile;
import obj.Relocation;
import obj.Section;
import obj.Symbol;
import vm.Isa;

/** The linker fills in relocations with the right values. */
class LinkerRelocationTest {

    @Test
    void crossObjectCallGetsPcRelativeOffsetFromTheInstruction() throws Exception {
        ObjectFile a = new ObjectFile("a.o");
        Symbol start = func(a, "_start");
        insn(a, Isa.NOP, 0, 0, 0, 0);
        long callAt = call(a, "foo");
        endSymbol(a, start);
        ObjectFile b = leaf("b.o", "foo");

        Executable exe = new Linker().link(List.of(a, b), List.of());

        long jal = addr(exe, "_start") + callAt;
        long foo = addr(exe, "foo");
        assertEquals(foo - jal, imm(exe, jal), "jal's imm is target minus the jal's own address");
        assertEquals(Isa.JAL, read(exe, jal, 1), "the opcode byte is untouched");
        assertEquals(0x400000, addr(exe, "_start"));
        assertEquals(0x400000 + 16, foo, "b.o's text follows a.o's");
    }

    @Test
    void backwardCallGetsNegativeOffset() throws Exception {
        ObjectFile a = leaf("a.o", "helper");
        ObjectFile b = startCalling("b.o", "helper");
        Executable exe = new Linker().link(List.of(a, b), List.of());
        long jal = addr(exe, "_start");
        assertEquals(addr(exe, "helper") - jal, imm(exe, jal));
        assertTrue(imm(exe, jal) < 0);
    }

    @Test
    void abs32LoadsAnAddressIntoLi() throws Exception {
        ObjectFile a = startCalling("a.o", "exit");
        long liAt = la(a, Isa.A0, "msg", 0);
        long liPlus = la(a, Isa.A1, "msg", 3);
        label(a, Section.Kind.RODATA, "msg", Symbol.Binding.LOCAL, Symbol.Type.OBJECT);
        a.section(Section.Kind.RODATA).append("hello\n".getBytes());
        ObjectFile b = leaf("b.o", "exit");

        Executable exe = new Linker().link(List.of(a, b), List.of());

        long msg = addr(exe, "msg");
        assertEquals(msg, imm(exe, addr(exe, "_start") + liAt));
        assertEquals(msg + 3, imm(exe, addr(exe, "_start") + liPlus), "the addend is added");
        assertEquals('h', read(exe, msg, 1));
    }

    @Test
    void abs64AndAbs32InDataHoldAddresses() throws Exception {
        ObjectFile a = startCalling("a.o", "f");
        label(a, Section.Kind.DATA, "table", Symbol.Binding.GLOBAL, Symbol.Type.OBJECT);
        a.section(Section.Kind.DATA).appendZeros(8);
        a.addRelocation(new Relocation(Section.Kind.DATA, 0, Relocation.Type.ABS64, "f", 0));
        a.section(Section.Kind.DATA).appendZeros(8);
        a.addRelocation(new Relocation(Section.Kind.DATA, 8, Relocation.Type.ABS64, "counter", -8));
        a.section(Section.Kind.DATA).appendLE(0x7777777777L, 8); // bytes beside a 4-byte field survive
        a.addRelocation(new Relocation(Section.Kind.DATA, 16, Relocation.Type.ABS32, "f", 0));
        ObjectFile b = leaf("b.o", "f");
        label(b, Section.Kind.BSS, "counter", Symbol.Binding.GLOBAL, Symbol.Type.OBJECT);
        b.section(Section.Kind.BSS).appendZeros(8);

        Executable exe = new Linker().link(List.of(a, b), List.of());

        long table = addr(exe, "table");
        assertEquals(addr(exe, "f"), read(exe, table, 8));
        assertEquals(addr(exe, "counter") - 8, read(exe, table + 8, 8));
        assertEquals(addr(exe, "f"), read(exe, table + 16, 4));
        assertEquals(0x77, read(exe, table + 20, 1), "an ABS32 field writes only its own four bytes");
    }

    @Test
    void pcrelToRodataWorksForAddpc() throws Exception {
        ObjectFile a = startCalling("a.o", "_start");
        long at = insn(a, Isa.ADDPC, Isa.A0, 0, 0, 0);
        a.addRelocation(new Relocation(Section.Kind.TEXT, at + 4, Relocation.Type.PCREL32, "k", 0));
        a.section(Section.Kind.RODATA).appendZeros(4);
        label(a, Section.Kind.RODATA, "k", Symbol.Binding.LOCAL, Symbol.Type.OBJECT);
        a.section(Section.Kind.RODATA).appendLE(42, 8);

        Executable exe = new Linker().link(List.of(a), List.of());

        long insnAddr = addr(exe, "_start") + at;
        assertEquals(addr(exe, "k"), insnAddr + imm(exe, insnAddr));
        assertEquals(42, read(exe, addr(exe, "k"), 8));
    }

    @Test
    void localSymbolsWithTheSameNameInTwoObjectsDoNotClash() throws Exception {
        ObjectFile a = new ObjectFile("a.o");
        Symbol start = func(a, "_start");
        call(a, "f");
        label(a, Section.Kind.TEXT, "loop", Symbol.Binding.LOCAL, Symbol.Type.NOTYPE);
        long aJump = insn(a, Isa.JAL, 0, 0, 0, 0);
        a.addRelocation(new Relocation(Section.Kind.TEXT, aJump + 4, Relocation.Type.PCREL32, "loop", 0));
        endSymbol(a, start);

        ObjectFile b = new ObjectFile("b.o");
        Symbol f = func(b, "f");
        insn(b, Isa.NOP, 0, 0, 0, 0);
        label(b, Section.Kind.TEXT, "loop", Symbol.Binding.LOCAL, Symbol.Type.NOTYPE);
        long bJump = insn(b, Isa.JAL, 0, 0, 0, 0);
        b.addRelocation(new Relocation(Section.Kind.TEXT, bJump + 4, Relocation.Type.PCREL32, "loop", 0));
        endSymbol(b, f);

        Executable exe = new Linker().link(List.of(a, b), List.of());

        assertEquals(0, imm(exe, addr(exe, "_start") + aJump), "a.o's loop is a.o's own");
        assertEquals(0, imm(exe, addr(exe, "f") + bJump), "b.o's loop is b.o's own");
        long loops = exe.symbols().stream().filter(s -> s.name.equals("loop")).count();
        assertEquals(2, loops, "both locals are in the symbol table");
    }

    @Test
    void ownGlobalDefinitionIsUsedByItsObject() throws Exception {
        ObjectFile a = startCalling("a.o", "g");
        Symbol g = func(a, "g");
        ret(a);
        endSymbol(a, g);
        Executable exe = new Linker().link(List.of(a), List.of());
        assertEquals(addr(exe, "g") - addr(exe, "_start"), imm(exe, addr(exe, "_start")));
    }
}
