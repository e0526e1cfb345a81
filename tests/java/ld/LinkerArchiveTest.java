package ld;

import static ld.TestObjects.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import obj.Archive;
import obj.Executable;
import obj.ObjectFile;

/** Archive members come in only when a program needs them. */
class LinkerArchiveTest {

    private static boolean has(Executable exe, String symbol) {
        return exe.symbol(symbol) != null;
    }

    @Test
    void memberIsPulledOnlyWhenItDefinesAnUndefinedSymbol() throws Exception {
        Archive lib = new Archive("libc.a", List.of(leaf("puts.o", "puts"), leaf("printf.o", "printf")));
        Executable exe = new Linker().link(List.of(startCalling("main.o", "printf")), List.of(lib));
        assertTrue(has(exe, "printf"));
        assertFalse(has(exe, "puts"), "puts.o is not needed, so not linked");
    }

    @Test
    void memberDefiningAnAlreadyDefinedSymbolIsNotPulled() throws Exception {
        Archive lib = new Archive("libc.a", List.of(leaf("mine.o", "f", "other")));
        Executable exe = new Linker().link(List.of(startCalling("main.o", "f"), leaf("f.o", "f")), List.of(lib));
        assertEquals(2, exe.symbols().size(), "no duplicate, and 'other' is never wanted");
    }

    @Test
    void membersNeededByPulledMembersArePulledToo() throws Exception {
        // printf.o needs vfprintf.o, which comes *before* it in the archive, so a second pass
        // over the archive is needed; vfprintf.o needs write, from another library.
        Archive libc = new Archive("libc.a", List.of(
                leaf("vfprintf.o", "vfprintf", "write"),
                leaf("printf.o", "printf", "vfprintf"),
                leaf("unused.o", "unused")));
        Archive libsys = new Archive("libsys.a", List.of(leaf("write.o", "write")));
        Executable exe = new Linker().link(List.of(startCalling("main.o", "printf")), List.of(libc, libsys));
        assertTrue(has(exe, "printf") && has(exe, "vfprintf") && has(exe, "write"));
        assertFalse(has(exe, "unused"));
        // Members are laid out after the objects, in the order they were pulled.
        assertTrue(addr(exe, "_start") < addr(exe, "printf"));
        assertTrue(addr(exe, "printf") < addr(exe, "vfprintf"));
        assertTrue(addr(exe, "vfprintf") < addr(exe, "write"));
    }

    @Test
    void entrySymbolCanComeFromAnArchive() throws Exception {
        Archive crt = new Archive("libcrt.a", List.of(startCalling("crt0.o", "main")));
        Executable exe = new Linker().link(List.of(leaf("main.o", "main")), List.of(crt));
        assertEquals(addr(exe, "_start"), exe.entry());
    }

    @Test
    void archiveReadFromBytesLinksTheSameAsOneBuiltInMemory() throws Exception {
        List<ObjectFile> members = List.of(leaf("a_rather_long_member_name.o", "helper"), leaf("b.o", "b"));
        Archive fromBytes = Archive.read("libx.a", Archive.write(members));
        Archive inMemory = new Archive("libx.a", members);
        ObjectFile main = startCalling("main.o", "helper");
        assertArrayEquals(
                obj.ExecutableFormat.write(new Linker().link(List.of(main), List.of(inMemory))),
                obj.ExecutableFormat.write(new Linker().link(List.of(main), List.of(fromBytes))));
    }

    @Test
    void undefinedReferenceFromAMemberNamesArchiveAndMember() {
        Archive lib = new Archive("libc.a", List.of(leaf("printf.o", "printf", "missing")));
        LinkException e = assertThrows(LinkException.class,
                () -> new Linker().link(List.of(startCalling("main.o", "printf")), List.of(lib)));
        assertEquals(List.of("ld: libc.a(printf.o): in function 'printf': undefined reference to 'missing'"), e.messages());
    }
}
