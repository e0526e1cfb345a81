package ld;

import static ld.TestObjects.addr;
import static ld.TestObjects.imm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import asm.Assembler;
import obj.Executable;
import obj.ObjectFile;

/**
 * Thread-local storage in the linker: .tdata and .tbss form the TLS template, described by
 * __tdata_start, __tdata_size, __tls_size and __tls_align, and a TPOFF32 field holds a
 * variable's offset below tp (docs/executable.md, "Thread-local storage").
 */
class LinkerTlsTest {
    private static Executable link(String... sources) throws Exception {
        List<ObjectFile> objects = new java.util.ArrayList<>();
        for (int i = 0; i < sources.length; i++) objects.add(Assembler.assemble("t" + i + ".s", sources[i]));
        return new Linker().link(objects, List.of());
    }

    private static final String USES_TEMPLATE = """
            .text
            .globl _start
            _start:
            la a0, __tdata_start
            la a1, __tdata_size
            la a2, __tls_size
            la a3, __tls_align
            ret
            """;

    @Test
    void templateFollowsDataAndOffsetsAreNegativeFromTheEndOfTheBlock() throws Exception {
        Executable exe = link(USES_TEMPLATE + """
                lw a0, %tpoff(x)(tp)
                addi a1, tp, %tpoff(y+4)
                .data
                .byte 1, 2, 3
                .section .tdata
                x: .word 5, 6, 7
                .section .tbss
                .align 16
                y: .zero 20
                """);
        long start = addr(exe, "_start");
        long template = imm(exe, start);
        assertEquals(0, template % 16, "the template starts at the TLS alignment");
        assertEquals(12, imm(exe, start + 8), "__tdata_size: the initialised bytes");
        assertEquals(48, imm(exe, start + 16), "__tls_size: 12 bytes of .tdata, .tbss at 16..36, rounded up to 16");
        assertEquals(16, imm(exe, start + 24), "__tls_align");
        assertEquals(-48, imm(exe, start + 40), "x is at the start of the block, 48 bytes below tp");
        assertEquals(-48 + 16 + 4, imm(exe, start + 48), "y+4: .tbss follows .tdata at its alignment");
        assertEquals(5, TestObjects.read(exe, template, 4), "the template holds x's initial value");
    }

    @Test
    void templateIsEmptyWithoutThreadLocalVariables() throws Exception {
        Executable exe = link(USES_TEMPLATE + ".data\nd: .byte 9\n");
        long start = addr(exe, "_start");
        assertEquals(0, imm(exe, start + 8));
        assertEquals(0, imm(exe, start + 16));
        assertEquals(1, imm(exe, start + 24));
    }

    @Test
    void variablesOfSeveralObjectsShareOneBlock() throws Exception {
        Executable exe = link(USES_TEMPLATE + """
                lw a0, %tpoff(a)(tp)
                lw a1, %tpoff(b)(tp)
                .section .tbss
                .globl a
                a: .zero 8
                """, """
                .section .tdata
                .globl b
                b: .quad 77
                """);
        long start = addr(exe, "_start");
        // .tdata of every input comes first (b), then .tbss (a): 16 bytes in all.
        assertEquals(8, imm(exe, start + 8));
        assertEquals(16, imm(exe, start + 16));
        assertEquals(-8, imm(exe, start + 40), "a, in .tbss, is last");
        assertEquals(-16, imm(exe, start + 48), "b, in .tdata, is first");
    }

    @Test
    void anAbsoluteAddressOfAThreadLocalVariableIsRefused() {
        LinkException e = assertThrows(LinkException.class, () -> link("""
                .text
                .globl _start
                _start:
                la a0, counter
                ret
                .section .tbss
                counter: .zero 4
                """));
        assertEquals(List.of("ld: t0.s:(.text+0x4): 'counter' is thread-local: each thread has its own,"
                + " reached through tp (%tpoff)"), e.messages());
    }

    @Test
    void aTpOffsetOfAnOrdinaryVariableIsRefused() {
        LinkException e = assertThrows(LinkException.class, () -> link("""
                .text
                .globl _start
                _start:
                lw a0, %tpoff(shared)(tp)
                ret
                """, """
                .data
                .globl shared
                shared: .word 1
                """));
        assertEquals(List.of("ld: t0.s:(.text+0x4): %tpoff of 'shared', which is not thread-local (not in .tdata or .tbss)"),
                e.messages());
    }
}
