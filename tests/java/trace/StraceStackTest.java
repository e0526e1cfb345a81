package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obj.Executable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * strace -k: under each system call, its stack as strace -k prints it, one frame a line,
 * " > FILE(function+0xOFFSET) [0xADDRESS]", newest first, from the system-call stub out to
 * _start; the address is the function's plus the offset.
 */
class StraceStackTest {
    @TempDir Path tmp;

    private static final String SAY = """
            #include <unistd.h>
            static void say(void)
            {
                write(1, "hi\\n", 3);
            }
            int main(void)
            {
                say();
                return 0;
            }
            """;

    private static final Pattern FRAME = Pattern.compile(" > /tmp/say\\((\\w+)\\+0x([0-9a-f]+)\\) \\[0x([0-9a-f]+)\\]");

    @Test
    void eachCallIsFollowedByItsStackAsStraceMinusKPrintsIt() throws Exception {
        String out = TracedRun.strace(tmp, "say", SAY, true);
        Executable exe = CGuest.compile(tmp, "say", SAY);
        String[] lines = out.split("\n");
        int write = -1;
        for (int i = 0; i < lines.length; i++) if (lines[i].contains("write(1, \"hi\\n\", 3)")) write = i;
        assertTrue(write >= 0, out);
        List<String> functions = new ArrayList<>();
        for (int i = write + 1; i < lines.length && lines[i].startsWith(" > "); i++) {
            Matcher m = FRAME.matcher(lines[i]);
            assertTrue(m.matches(), lines[i]);
            long address = Long.parseLong(m.group(3), 16);
            assertEquals(exe.symbol(m.group(1)).value + Long.parseLong(m.group(2), 16), address, lines[i]);
            functions.add(m.group(1));
        }
        assertEquals("__syscall6", functions.get(0), out);
        assertEquals(List.of("say", "main", "_start"), functions.subList(functions.size() - 3, functions.size()), out);
    }

    @Test
    void withoutMinusKTheLinesAreStraceAsBefore() throws Exception {
        String out = TracedRun.strace(tmp, "say", SAY, false);
        assertTrue(out.contains("write(1, \"hi\\n\", 3)"), out);
        assertTrue(!out.contains(" > "), out);
    }
}
