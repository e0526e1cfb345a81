package ld;

import static ld.TestObjects.addr;
import static ld.TestObjects.imm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import asm.Assembler;
import obj.Archive;
import obj.Executable;
import obj.ObjectFile;
import obj.Segment;

/**
 * Constructor and destructor arrays in the linker: the inputs' .init_array and .fini_array
 * entries are joined at the start of the data segment, sorted by priority as GNU ld sorts
 * .init_array.NNNNN sections (equal priorities, and the unnumbered ones after all others,
 * in input order), and __init_array_start/_end and __fini_array_start/_end bound them
 * (docs/executable.md, "Constructors and destructors").
 */
class LinkerInitArrayTest {
    private static Executable link(String... sources) throws Exception {
        return link(List.of(), sources);
    }

    private static Executable link(List<Archive> libraries, String... sources) throws Exception {
        List<ObjectFile> objects = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) objects.add(Assembler.assemble("t" + i + ".s", sources[i]));
        return new Linker().link(objects, libraries);
    }

    /** The functions an array's entries point to, by name, in array order. */
    private static List<String> entries(Executable exe, long start, long end, String... names) {
        List<String> out = new ArrayList<>();
        for (long a = start; a < end; a += 8) {
            long target = TestObjects.read(exe, a, 8);
            String name = "?";
            for (String n : names) if (addr(exe, n) == target) name = n;
            out.add(name);
        }
        return out;
    }

    /** An object defining functions {@code prefix}101... with an .init_array and .fini_array entry for each given priority. */
    private static String prioritised(String prefix, int... priorities) {
        StringBuilder s = new StringBuilder(".text\n");
        for (int p : priorities) s.append(".globl ").append(prefix).append(p).append('\n').append(prefix).append(p).append(": ret\n");
        for (String array : List.of(".init_array", ".fini_array")) {
            for (int p : priorities) {
                s.append(".section ").append(array).append(p == 0 ? "" : String.format(".%05d", p)).append('\n');
                s.append(".quad ").append(prefix).append(p).append('\n');
            }
        }
        return s.toString();
    }

    /**
     * The order of gcc's a.c (constructors 101, 300, none) linked before b.c (200, 101, none),
     * which glibc runs as a101 b101 b200 a300 a0 b0: across objects, by priority; an archive
     * member pulled in by the link comes after the objects named, as GNU ld takes it.
     */
    @Test
    void prioritisedEntriesOfAllObjectsAreSortedAsGnuLdSortsThem() throws Exception {
        Archive lib = new Archive("libc.a", List.of(Assembler.assemble("c.s", prioritised("c", 150, 0) + """
                .text
                .globl helper
                helper: ret
                """)));
        Executable exe = link(List.of(lib), USES_ARRAYS + ".text\ncall helper\n" + prioritised("a", 101, 300, 0), prioritised("b", 200, 101, 0));
        long start = addr(exe, "_start");
        long initStart = imm(exe, start), initEnd = imm(exe, start + 8);
        long finiStart = imm(exe, start + 16), finiEnd = imm(exe, start + 24);
        String[] names = {"a101", "a300", "a0", "b200", "b101", "b0", "c150", "c0"};
        List<String> order = List.of("a101", "b101", "c150", "b200", "a300", "a0", "b0", "c0");
        assertEquals(order, entries(exe, initStart, initEnd, names));
        // The destructors' array is in the same order; exit runs it backwards.
        assertEquals(order, entries(exe, finiStart, finiEnd, names));
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
                .section .init_array, "aw"
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
