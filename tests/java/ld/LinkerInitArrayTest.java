package ld;

import static ld.TestObjects.addr;
import static ld.TestObjects.imm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import asm.Assembler;
import obj.Executable;
import obj.ObjectFile;
import obj.Segment;

/**
 * Constructor and destructor arrays in the linker: each input's .init_array and .fini_array
 * are joined in input order at the start of the data segment, and __init_array_start/_end
 * and __fini_array_start/_end bound them (docs/executable.md, "Constructors and destructors").
 */
class LinkerInitArrayTest {
    private static Executable link(String... sources) throws Exception {
        List<ObjectFile> objects = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) objects.add(Assembler.assemble("t" + i + ".s", sources[i]));
        return new Linker().link(objects, List.of());
    }

    private static final String USES_ARRAYS = """
            .text
            .globl _start
            _start:
            la a0, __init_array_start
            la a1, __init_array_end
            la a2, __fini_array_start
            la a3, __fini_array_end
            ret
            .globl f
            f: ret
            .data
            d: .quad 7
            """;

    @Test
    void arraysOfSeveralObjectsAreJoinedInInputOrderBeforeData() throws Exception {
        Executable exe = link(USES_ARRAYS + """
                .section .init_array
                .quad f
                .section .fini_array
                .quad _start
                """, """
                .text
                g: ret
                .section .init_array.00101, "aw"
                .quad g
                .quad f
                """);
        long start = addr(exe, "_start");
        long initStart = imm(exe, start), initEnd = imm(exe, start + 8);
        long finiStart = imm(exe, start + 16), finiEnd = imm(exe, start + 24);
        Segment data = exe.segments().get(1);
        assertEquals("rw-", data.permissions());
        assertEquals(data.vaddr(), initStart, "the arrays open the data segment, as GNU ld puts them before .data");
        assertEquals(24, initEnd - initStart, "one pointer from the first object, two from the second");
        assertEquals(initEnd, finiStart);
        assertEquals(8, finiEnd - finiStart);
        assertEquals(finiEnd, addr(exe, "d"), ".data follows the arrays");
        assertEquals(addr(exe, "f"), TestObjects.read(exe, initStart, 8));
        assertEquals(addr(exe, "g"), TestObjects.read(exe, initStart + 8, 8));
        assertEquals(addr(exe, "f"), TestObjects.read(exe, initStart + 16, 8));
        assertEquals(start, TestObjects.read(exe, finiStart, 8));
    }

    @Test
    void withoutConstructorsBothArraysAreEmpty() throws Exception {
        Executable exe = link(USES_ARRAYS);
        long start = addr(exe, "_start");
        long initStart = imm(exe, start);
        assertTrue(initStart > 0);
        assertEquals(initStart, imm(exe, start + 8));
        assertEquals(initStart, imm(exe, start + 16));
        assertEquals(initStart, imm(exe, start + 24));
    }
}
