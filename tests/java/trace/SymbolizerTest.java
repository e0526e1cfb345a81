package trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import boot.CGuest;
import boot.GuestRun;
import boot.Kernel;
import boot.Options;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import obj.Executable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vm.Context;
import vm.Isa;

/**
 * The Symbolizer names code as function+offset, data as symbol+offset, and walks a blocked
 * thread's frame-pointer chain back to main, including the caller of libc's frameless
 * system-call stub.
 */
class SymbolizerTest {
    @TempDir Path tmp;

    private static final String GLOBALS = """
            int counter;
            int buf[10];
            int get(int *p) { return *p; }
            int main(void) { counter = get(buf); return counter; }
            """;

    /** main calls outer, outer calls inner, inner sleeps in pause() forever: a deadlock. */
    private static final String NESTED_PAUSE = """
            #include <unistd.h>
            void inner(void) { pause(); }
            void outer(void) { inner(); }
            int main(void) { outer(); return 0; }
            """;

    @Test
    void codeIsNamedByFunctionAndSourceLine() throws Exception {
        Executable exe = CGuest.compile(tmp, "globals", GLOBALS);
        Symbolizer s = Symbolizer.of(exe);
        long main = exe.symbol("main").value;
        String file = tmp.resolve("globals.c").toString();
        assertEquals("main " + file + ":4", s.where(main));
        assertEquals(Optional.of(new SourceLine(file, 4, "main")), s.line(main + 8));
        assertEquals(Optional.of("main+0x8"), s.symbolOffset(main + 8));
        assertEquals("0x10", s.where(0x10), "an address below every segment has no symbol");
    }

    @Test
    void withoutALineTableCodeIsNamedAsFunctionPlusOffset() throws Exception {
        Executable compiled = CGuest.compile(tmp, "globals", GLOBALS);
        Symbolizer s = Symbolizer.of(new Executable(compiled.entry(), compiled.segments(), compiled.symbols()));
        long get = compiled.symbol("get").value;
        assertEquals("get", s.where(get));
        assertEquals("get+0x8", s.where(get + 8));
        assertEquals(Optional.empty(), s.line(get + 8));
        assertEquals(Optional.empty(), s.dataSymbol(get), "code is not data");
    }

    @Test
    void dataAddressesAreNamedAsSymbolPlusDecimalOffset() throws Exception {
        Executable exe = CGuest.compile(tmp, "globals", GLOBALS);
        Symbolizer s = Symbolizer.of(exe);
        long buf = exe.symbol("buf").value;
        assertEquals(Optional.of("counter"), s.dataSymbol(exe.symbol("counter").value));
        assertEquals(Optional.of("buf+16"), s.dataSymbol(buf + 16));
        assertEquals(Optional.empty(), s.dataSymbol(0x7fff_0000_0000L), "the stack has no symbol");
    }

    @Test
    void aBlockedThreadsBacktraceClimbsFromTheSystemCallToMain() throws Exception {
        Executable exe = CGuest.compile(tmp, "nested", NESTED_PAUSE);
        Kernel k = Kernel.boot(Options.defaults(), new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]));
        k.install("/bin/nested", exe);
        List<String> frames = new ArrayList<>();
        List<String> withoutRa = new ArrayList<>();
        k.scheduler().setWaitDescriber(t -> {
            if (t.comm().equals("nested")) {
                Context c = t.context();
                Symbolizer s = Symbolizer.of(t);
                frames.addAll(functions(s.describe(Symbolizer.backtrace(t, c.pc, c.regs[Isa.FP], c.regs[Isa.RA], 16))));
                withoutRa.addAll(functions(s.describe(Symbolizer.backtrace(t, c.pc, c.regs[Isa.FP], 16))));
            }
            return t.waitChannel();
        });
        assertEquals(137, k.run("/bin/nested", List.of("nested")), "the deadlock is ended with SIGKILL");
        GuestRun.checkNothingLeaked(k);

        assertEquals(List.of("__syscall6", "__syscall_cancel", "pause", "inner", "outer", "main", "_start"), frames,
                "from the system-call stub (which has no frame: its caller is in ra) out to _start");
        assertEquals(List.of("__syscall6", "pause", "inner", "outer", "main", "_start"), withoutRa,
                "without ra the frame chain alone skips the stub's caller");
    }

    /** The function names of described frames ("main+0x18" and "main x.c:3" are both "main"). */
    private static List<String> functions(List<String> described) {
        List<String> names = new ArrayList<>();
        for (String d : described) names.add(d.split("[+ ]")[0]);
        return names;
    }
}
