package obj;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Static libraries in ar format: round trips, long names, the symbol index, malformed input. */
class ArchiveTest {

    /** An object defining global {@code def} (and a local), and referencing {@code use}. */
    private static ObjectFile member(String name, String def, String use) {
        ObjectFile o = new ObjectFile(name);
        o.section(Section.Kind.TEXT).appendLE(0x4, 8);
        o.putSymbol(new Symbol(def, Section.Kind.TEXT, 0, 8, Symbol.Binding.GLOBAL, Symbol.Type.FUNC));
        o.putSymbol(new Symbol("local_" + def, Section.Kind.TEXT, 0, 0, Symbol.Binding.LOCAL, Symbol.Type.NOTYPE));
        if (use != null) o.putSymbol(new Symbol(use, null, 0, 0, Symbol.Binding.GLOBAL, Symbol.Type.NOTYPE));
        return o;
    }

    private static final List<ObjectFile> MEMBERS = List.of(
            member("printf.o", "printf", "write"),
            member("a_very_long_member_name.o", "longname", null),
            member("lib/dir/write.o", "write", null),
            member("another_long_name_too.o", "other", "printf"));

    private static FormatException rejects(byte[] bytes) {
        return assertThrows(FormatException.class, () -> Archive.read("libbad.a", bytes));
    }

    @Test
    void writeReadWriteGivesIdenticalBytes() throws Exception {
        byte[] bytes = Archive.write(MEMBERS);
        Archive a = Archive.read("libc.a", bytes);
        assertArrayEquals(bytes, Archive.write(a.members()));
    }

    @Test
    void membersComeBackInOrderWithTheirNames() throws Exception {
        Archive a = Archive.read("libc.a", Archive.write(MEMBERS));
        assertEquals("libc.a", a.name());
        assertEquals(List.of("printf.o", "a_very_long_member_name.o", "write.o", "another_long_name_too.o"),
                a.members().stream().map(m -> m.name).toList(), "long names survive; directories are dropped");
        assertArrayEquals(ObjectFormat.write(MEMBERS.get(0)), ObjectFormat.write(a.members().get(0)));
    }

    @Test
    void indexMapsEachGlobalDefinitionToItsMember() throws Exception {
        Archive a = Archive.read("libc.a", Archive.write(MEMBERS));
        assertEquals(Map.of("printf", 0, "longname", 1, "write", 2, "other", 3), a.index());
        assertEquals(List.of("printf", "longname", "write", "other"), List.copyOf(a.index().keySet()));
        assertSame(a.members().get(2), a.definer("write"));
        assertNull(a.definer("local_printf"), "locals are not indexed");
        assertNull(a.definer("nothing"));
    }

    @Test
    void fileUsesGnuArLayout() {
        byte[] bytes = Archive.write(MEMBERS);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("!<arch>\n/               0           0     0     0       "), text.substring(0, 70));
        assertTrue(text.contains("//                                              "), "a long-name table is present");
        assertTrue(text.contains("a_very_long_member_name.o/\n"));
        assertTrue(text.contains("printf.o/       0           0     0     644     "));
        assertTrue(text.contains("/0              0           0     0     644     "), "the first long name is /0");
    }

    @Test
    void archiveWithoutIndexGetsOneComputed() throws Exception {
        byte[] bytes = Archive.write(List.of(MEMBERS.get(0)));
        // Drop the "/" member: its header is 60 bytes and its body 4 + 4 + "printf\0" = 15, padded to 16.
        byte[] noIndex = new byte[bytes.length - 76];
        System.arraycopy(bytes, 0, noIndex, 0, 8);
        System.arraycopy(bytes, 8 + 76, noIndex, 8, bytes.length - 8 - 76);
        Archive a = Archive.read("libp.a", noIndex);
        assertEquals(Map.of("printf", 0), a.index());
    }

    @Test
    void emptyArchiveRoundTrips() throws Exception {
        byte[] bytes = Archive.write(List.of());
        assertTrue(Archive.read("libempty.a", bytes).members().isEmpty());
        assertArrayEquals(bytes, Archive.write(List.of()));
    }

    @Test
    void badMagicIsReported() {
        assertEquals("libbad.a: not an archive: does not start with \"!<arch>\\n\"",
                rejects("!<ARCH>\nstuff".getBytes(StandardCharsets.US_ASCII)).getMessage());
    }

    @Test
    void everyTruncationIsAFormatException() {
        byte[] bytes = Archive.write(MEMBERS);
        for (int n = 0; n < bytes.length - 1; n++) { // the final '\n' pad byte may be missing
            if (n == 8) continue; // just the magic: a valid empty archive
            byte[] prefix = Arrays.copyOf(bytes, n);
            FormatException e = assertThrows(FormatException.class, () -> Archive.read("lib.a", prefix),
                    "prefix of " + n + " bytes");
            assertTrue(e.getMessage().startsWith("lib.a"), e.getMessage());
        }
    }

    @Test
    void corruptMemberIsReportedAgainstArchiveAndMember() {
        byte[] bytes = Archive.write(List.of(MEMBERS.get(0)));
        int body = 8 + 76 + 60; // past the index member and printf.o's header
        bytes[body] = 'X';
        assertEquals("libbad.a(printf.o): not a Clonix object file: bad magic number 58 4c 58 4f (expected 43 4c 58 4f)",
                rejects(bytes).getMessage());
    }

    @Test
    void badHeaderTerminatorIsReported() {
        byte[] bytes = Archive.write(List.of(MEMBERS.get(0)));
        bytes[8 + 58] = 'x';
        assertEquals("libbad.a: member header at offset 8 does not end with \"`\\n\"", rejects(bytes).getMessage());
    }

    @Test
    void badSizeFieldIsReported() {
        byte[] bytes = Archive.write(List.of(MEMBERS.get(0)));
        bytes[8 + 48] = '-';
        assertTrue(rejects(bytes).getMessage().startsWith("libbad.a: member header at offset 8 has a bad size field"));
    }

    @Test
    void indexPointingNowhereIsReported() {
        byte[] bytes = Archive.write(List.of(MEMBERS.get(0)));
        bytes[8 + 60 + 7] = 9; // low byte of the first offset in the index
        assertTrue(rejects(bytes).getMessage().contains("symbol index entry 'printf' points to offset"));
    }

    @Test
    void longNameOutsideTheTableIsReported() {
        byte[] bytes = Archive.write(MEMBERS);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("/0              0");
        bytes[at + 1] = '9';
        bytes[at + 2] = '9';
        assertTrue(rejects(bytes).getMessage().contains("refers to long name 99, which is not in the \"//\" table"));
    }

    @Test
    void randomCorruptionNeverThrowsAnythingButFormatException() {
        byte[] good = Archive.write(MEMBERS);
        java.util.Random rnd = new java.util.Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            try {
                Archive.read("fuzz.a", b);
            } catch (FormatException e) {
                assertTrue(e.getMessage().startsWith("fuzz.a"));
            }
        }
    }

    @Test
    void headerFieldsOtherThanNameAndSizeAreIgnored() throws Exception {
        byte[] bytes = Archive.write(List.of(MEMBERS.get(0)));
        int header = 8 + 76;
        byte[] stamp = "1700000000  1000  1000  100755  ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stamp, 0, bytes, header + 16, stamp.length);
        assertEquals("printf.o", Archive.read("lib.a", bytes).members().get(0).name);
    }
}
