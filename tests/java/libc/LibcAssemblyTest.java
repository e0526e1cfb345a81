package libc;

import asm.Assembler;
import diag.CompileException;
import obj.ObjectFile;
import obj.Symbol;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The libc's assembly files assemble, and define the symbols the rest of libc relies on. */
class LibcAssemblyTest {
    @Test
    void everyAssemblyFileAssembles() throws Exception {
        List<Path> sources = GuestLibc.assemblySources();
        assertTrue(sources.size() >= 3, "crt0.s, syscall.s and clone.s at least: " + sources);
        for (Path p : sources) {
            try {
                Assembler.assemble(p.getFileName().toString(), Files.readString(p));
            } catch (CompileException e) {
                throw new AssertionError(e.render(), e);
            }
        }
    }

    @Test
    void startupSyscallAndCloneEntryPointsAreGlobal() throws Exception {
        assertTrue(definesGlobal("crt0.s", "_start"));
        assertTrue(definesGlobal("syscall.s", "syscall"));
        assertTrue(definesGlobal("syscall.s", "__syscall6"));
        assertTrue(definesGlobal("clone.s", "clone"));
        assertEquals("crt0.s", GuestLibc.assemblySources().get(0).getFileName().toString());
    }

    private static boolean definesGlobal(String file, String name) throws Exception {
        ObjectFile o = Assembler.assemble(file, Files.readString(GuestLibc.LIB.resolve(file)));
        for (Symbol s : o.symbols()) {
            if (s.name.equals(name) && s.binding == Symbol.Binding.GLOBAL && !s.isUndefined()) return true;
        }
        return false;
    }
}
