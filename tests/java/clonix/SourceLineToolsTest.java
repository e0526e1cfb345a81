package clonix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools that read line tables: {@code objdump -d -l} interleaves "function():" and
 * "file:line" as GNU objdump does, and {@code addr2line} answers as GNU addr2line.
 */
class SourceLineToolsTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int clonix(String... args) {
        return Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** Assembly with a line table written by hand, so the listing does not depend on the code generator. */
    private static final String LOC_SOURCE = """
            \t.file\t1, "lib.c"
            \t.file\t2, "lib.h"
            \t.text
            \t.globl\tf
            \t.type\tf, @function
            f:
            \t.loc\t1, 3
            \tli\ta0, 1
            \tli\ta1, 2
            \t.loc\t2, 8
            \tadd\ta0, a0, a1
            \t.loc\t1, 4
            \tret
            \t.size\tf, .-f
            """;

    /** Assembly without lines, linked after LOC_SOURCE. */
    private static final String PLAIN_SOURCE = """
            \t.text
            \t.globl\t_start
            _start:
            \tcall\tf
            """;

    @Test
    void objdumpWithLineNumbersMatchesGnuObjdumpsShape() throws Exception {
        Path s = dir.resolve("lib.s"), o = dir.resolve("lib.o");
        Files.writeString(s, LOC_SOURCE);
        assertEquals(0, clonix("as", s.toString(), "-o", o.toString()), err.toString());
        assertEquals(0, clonix("objdump", "-d", "-l", o.toString()), err.toString());
        assertEquals("""
                Disassembly of section .text:

                0000000000000000 <f>:
                f():
                lib.c:3
                       0:\t70 0a 00 00 01 00 00 00 \tli\ta0, 1
                       8:\t70 0b 00 00 02 00 00 00 \tli\ta1, 2
                lib.h:8
                      10:\t10 0a 0a 0b 00 00 00 00 \tadd\ta0, a0, a1
                lib.c:4
                      18:\t99 00 01 00 00 00 00 00 \tret
                """, out.toString());
    }

    @Test
    void objdumpOfACProgramNamesEachStatementsLineInOrder() throws Exception {
        Path c = dir.resolve("prog.c"), exe = dir.resolve("prog");
        Files.writeString(c, """
                int counter;
                int main(void)
                {
                    counter = 1;
                    counter += 2;
                    return counter;
                }
                """);
        assertEquals(0, clonix("cc", "-o", exe.toString(), c.toString()), err.toString());
        assertEquals(0, clonix("objdump", "-d", "-l", exe.toString()), err.toString());
        String listing = out.toString();
        int main = listing.indexOf("<main>:\nmain():\n");
        assertTrue(main >= 0, listing);
        String body = listing.substring(main, listing.indexOf("\n\n", main));
        List<String> lines = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(c.toString()) + ":(\\d+)$").matcher(body);
        while (m.find()) lines.add(m.group(1));
        assertEquals(List.of("3", "4", "5", "6"), lines, "the brace (the prologue), then each statement: " + body);
    }

    @Test
    void addr2lineAnswersAsGnuAddr2line() throws Exception {
        Path s = dir.resolve("lib.s"), plain = dir.resolve("plain.s"), exe = dir.resolve("lib");
        Files.writeString(s, LOC_SOURCE);
        Files.writeString(plain, PLAIN_SOURCE);
        assertEquals(0, clonix("ld", s.toString(), plain.toString(), "-o", exe.toString()), err.toString());
        // f is at 0x400000: 0x400010 is lib.h:8; _start, at 0x400020, has no line; 0x10 is outside the program.
        assertEquals(0, clonix("addr2line", "-e", exe.toString(), "400010", "0x400008", "400020", "10"), err.toString());
        assertEquals("lib.h:8\nlib.c:3\n??:?\n??:0\n", out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, clonix("addr2line", "-f", "-e", exe.toString(), "0x400018", "10"), err.toString());
        assertEquals("f\nlib.c:4\n??\n??:0\n", out.toString());
        assertEquals(1, clonix("addr2line", "-e", dir.resolve("missing").toString(), "0"));
        assertTrue(err.toString().startsWith("clonix addr2line: "), err.toString());
    }
}
