package cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asm.Disassembler;
import boot.CGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obj.Executable;
import obj.LineTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler's line table survives assembling and linking: the instruction that stores a
 * constant maps to the line of the C statement, a header's function to the header's line,
 * a function's first instruction to the line of its opening brace, and libc's code to libc's source.
 */
class CompilerLineTableTest {
    @TempDir Path tmp;

    private static final String HEADER = """
            static int scale(int x)
            {
                return x * 77777;
            }
            """;

    private static final String PROGRAM = """
            #include <stdio.h>
            #include "scale.h"
            int counter;
            int main(void)
            {
                counter = 12345;
                counter = scale(counter);
                printf("%d\\n", counter);
                return 0;
            }
            """;

    /** The address of the one instruction whose disassembly ends with {@code tail}. */
    private static long addressOf(Executable exe, String tail) {
        Matcher m = Pattern.compile("(?m)^ +([0-9a-f]+):\t.*" + Pattern.quote(tail) + "$").matcher(Disassembler.disassemble(exe));
        assertTrue(m.find(), "no instruction ends with " + tail);
        long address = Long.parseLong(m.group(1), 16);
        assertTrue(!m.find(), "two instructions end with " + tail);
        return address;
    }

    @Test
    void statementsMapToTheirLinesThroughAssemblerAndLinker() throws Exception {
        Files.writeString(tmp.resolve("scale.h"), HEADER);
        Executable exe = CGuest.compile(tmp, "prog", PROGRAM);
        LineTable lines = exe.lines();
        String prog = tmp.resolve("prog.c").toString();

        long store = addressOf(exe, ", 12345");
        assertEquals(Optional.of(new LineTable.Location(prog, 6)), lines.lookup(store), "counter = 12345;");
        long multiply = addressOf(exe, ", 77777");
        Optional<LineTable.Location> inHeader = lines.lookup(multiply);
        assertTrue(inHeader.isPresent() && inHeader.get().file().endsWith("scale.h") && inHeader.get().line() == 3,
                "the header's return statement: " + inHeader);
        assertEquals(Optional.of(new LineTable.Location(prog, 5)), lines.lookup(exe.symbol("main").value),
                "the prologue has the line of the body's opening brace, as with gcc");

        Optional<LineTable.Location> printf = lines.lookup(exe.symbol("printf").value);
        assertTrue(printf.isPresent() && printf.get().file().equals("userland/lib/printf.c"), "libc's code maps to libc's source: " + printf);
        assertEquals(Optional.empty(), lines.lookup(exe.symbol("_start").value), "crt0 is assembly: no line");
    }
}
