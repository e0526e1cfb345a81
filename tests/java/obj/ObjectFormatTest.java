package obj;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Object files survive being written and read back; broken ones are rejected with a clear message. */
class ObjectFormatTest {

    /** An object with every kind of section, symbol and relocation. */
    static ObjectFile sample(String name) {
        ObjectFile o = new ObjectFile(name);
        o.setSource("dir/prog.c");
        o.section(Section.Kind.TEXT).appendLE(0x0000000000000004L, 8);
        o.section(Section.Kind.TEXT).appendLE(0x0000000000000198L | 1 << 8, 8);
        o.section(Section.Kind.RODATA).append("héllo\n\0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        o.section(Section.Kind.RODATA).setAlign(1);
        o.section(Section.Kind.DATA).appendLE(0, 8);
        o.section(Section.Kind.DATA).setAlign(16);
        o.section(Section.Kind.BSS).appendZeros(4096);
        o.putSymbol(new Symbol("main", Section.Kind.TEXT, 0, 16, Symbol.Binding.GLOBAL, Symbol.Type.FUNC));
        o.putSymbol(new Symbol(".Lstr", Section.Kind.RODATA, 0, 0, Symbol.Binding.LOCAL, Symbol.Type.NOTYPE));
        o.putSymbol(new Symbol("table", Section.Kind.DATA, 0, 8, Symbol.Binding.GLOBAL, Symbol.Type.OBJECT));
        o.putSymbol(new Symbol("buf", Section.Kind.BSS, 64, 4032, Symbol.Binding.LOCAL, Symbol.Type.OBJECT));
        o.putSymbol(new Symbol("printf", null, 0, 0, Symbol.Binding.GLOBAL, Symbol.Type.NOTYPE));
        o.addRelocation(new Relocation(Section.Kind.TEXT, 12, Relocation.Type.PCREL32, "printf", 0));
        o.addRelocation(new Relocation(Section.Kind.TEXT, 4, Relocation.Type.ABS32, ".Lstr", 2));
        o.addRelocation(new Relocation(Section.Kind.DATA, 0, Relocation.Type.ABS64, "buf", -8));
        o.setLines(new LineTable(List.of("dir/prog.c", "dir/prog.h"),
                List.of(new LineTable.Row(0, 0, 3), new LineTable.Row(8, 1, 12), new LineTable.Row(16, 0, 0))));
        return o;
    }

    private static FormatException rejects(byte[] bytes) {
        return assertThrows(FormatException.class, () -> ObjectFormat.read("bad.o", bytes));
    }

    @Test
    void writeReadWriteGivesIdenticalBytes() throws Exception {
        byte[] bytes = ObjectFormat.write(sample("a.o"));
        assertArrayEquals(bytes, ObjectFormat.write(ObjectFormat.read("a.o", bytes)));
    }

    @Test
    void readGivesBackSectionsSymbolsAndRelocations() throws Exception {
        ObjectFile o = ObjectFormat.read("copy.o", ObjectFormat.write(sample("a.o")));
        assertEquals("copy.o", o.name);
        assertEquals("dir/prog.c", o.source(), "the source file named by .file");
        assertEquals(16, o.section(Section.Kind.TEXT).size());
        assertEquals(1, o.section(Section.Kind.RODATA).align(), "alignment below the default is kept");
        assertEquals(16, o.section(Section.Kind.DATA).align());
        assertEquals(4096, o.section(Section.Kind.BSS).size());
        assertArrayEquals(sample("a.o").section(Section.Kind.RODATA).data(), o.section(Section.Kind.RODATA).data());
        assertEquals(List.of("main", ".Lstr", "table", "buf", "printf"),
                o.symbols().stream().map(s -> s.name).toList(), "symbol order is kept");
        Symbol buf = o.symbol("buf");
        assertEquals(Section.Kind.BSS, buf.section);
        assertEquals(64, buf.value);
        assertEquals(4032, buf.size);
        assertEquals(Symbol.Binding.LOCAL, buf.binding);
        assertEquals(Symbol.Type.OBJECT, buf.type);
        assertTrue(o.symbol("printf").isUndefined());
        Relocation r = o.relocations().get(2);
        assertEquals(Section.Kind.DATA, r.section);
        assertEquals(Relocation.Type.ABS64, r.type);
        assertEquals("buf", r.symbol);
        assertEquals(-8, r.addend);
    }

    /** Each run of .init_array entries keeps its priority, so the linker can sort all objects' entries. */
    @Test
    void constructorPrioritiesRoundTrip() throws Exception {
        ObjectFile o = sample("a.o");
        Section init = o.section(Section.Kind.INIT_ARRAY);
        init.setPriority(300);
        init.appendLE(0, 8);
        init.setPriority(101);
        init.appendLE(0, 16);
        init.setPriority(Section.DEFAULT_PRIORITY);
        init.appendLE(0, 8);
        List<Section.Piece> pieces = List.of(new Section.Piece(0, 8, 300), new Section.Piece(8, 16, 101),
                new Section.Piece(24, 8, Section.DEFAULT_PRIORITY));
        assertEquals(pieces, init.pieces());
        ObjectFile copy = ObjectFormat.read("copy.o", ObjectFormat.write(o));
        assertEquals(pieces, copy.section(Section.Kind.INIT_ARRAY).pieces());
        assertEquals(List.of(), copy.section(Section.Kind.FINI_ARRAY).pieces());
        byte[] bytes = ObjectFormat.write(o);
        // The last piece's size is the file's last field of .init_array: claim more than the section holds.
        int sizeAt = indexOfPieceSize(bytes, 8, Section.DEFAULT_PRIORITY);
        bytes[sizeAt] = 16;
        assertEquals("bad.o: .init_array piece 2 has size 16, beyond the section", rejects(bytes).getMessage());
    }

    /** Where the u64 {@code size} of the piece with {@code priority} is written (the first such pair). */
    private static int indexOfPieceSize(byte[] bytes, long size, int priority) {
        for (int i = 0; i + 12 <= bytes.length; i++) {
            long s = 0, p = 0;
            for (int b = 0; b < 8; b++) s |= (bytes[i + b] & 0xffL) << (8 * b);
            for (int b = 0; b < 4; b++) p |= (bytes[i + 8 + b] & 0xffL) << (8 * b);
            if (s == size && p == priority) return i;
        }
        throw new AssertionError("piece not found");
    }

    @Test
    void emptyObjectRoundTrips() throws Exception {
        byte[] bytes = ObjectFormat.write(new ObjectFile("empty.o"));
        assertArrayEquals(bytes, ObjectFormat.write(ObjectFormat.read("empty.o", bytes)));
        assertArrayEquals(new byte[] {'C', 'L', 'X', 'O', 5, 0, 8, 0}, Arrays.copyOf(bytes, 8));
    }

    @Test
    void badMagicIsReported() {
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        FormatException e = rejects(elf);
        assertEquals("bad.o: not a Clonix object file: bad magic number 7f 45 4c 46 (expected 43 4c 58 4f)", e.getMessage());
        assertEquals("bad.o", e.file());
    }

    @Test
    void emptyFileIsReported() {
        assertEquals("bad.o: not a Clonix object file: only 0 bytes long", rejects(new byte[0]).getMessage());
    }

    @Test
    void wrongVersionIsReported() {
        byte[] bytes = ObjectFormat.write(sample("a.o"));
        bytes[4] = 1;
        assertEquals("bad.o: unsupported object file version 1 (this tool reads versions 4 and 5)", rejects(bytes).getMessage());
    }

    @Test
    void everyTruncationIsAFormatException() {
        byte[] bytes = ObjectFormat.write(sample("a.o"));
        for (int n = 0; n < bytes.length; n++) {
            FormatException e = rejects(Arrays.copyOf(bytes, n));
            assertTrue(e.getMessage().startsWith("bad.o: "), e.getMessage());
        }
    }

    @Test
    void truncationMessageSaysWhatIsMissingAndWhere() {
        byte[] bytes = Arrays.copyOf(ObjectFormat.write(sample("a.o")), 10);
        assertEquals("bad.o: truncated: expected symbol count (4 bytes) at offset 8, file has 10 bytes",
                rejects(bytes).getMessage());
    }

    @Test
    void hugeSectionSizeDoesNotAllocate() {
        byte[] bytes = ObjectFormat.write(new ObjectFile("x.o"));
        // The first section's size field is at offset 16 + 8.
        bytes[16 + 8 + 5] = 0x7f;
        assertTrue(rejects(bytes).getMessage().contains("truncated: .text contents needs"));
    }

    @Test
    void trailingBytesAreReported() {
        byte[] bytes = ObjectFormat.write(sample("a.o"));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertEquals("bad.o: 3 unexpected bytes at offset " + bytes.length + " after the line table",
                rejects(longer).getMessage());
    }

    @Test
    void badEnumValueAndNonPowerOfTwoAlignmentAreReported() {
        byte[] bytes = ObjectFormat.write(new ObjectFile("x.o"));
        byte[] badKind = bytes.clone();
        badKind[18] = 9; // after the 16-byte header and the empty source name's u16 length
        assertEquals("bad.o: invalid section 0 kind 9", rejects(badKind).getMessage());
        byte[] badAlign = bytes.clone();
        badAlign[18 + 4] = 3;
        assertTrue(rejects(badAlign).getMessage().contains("alignment 3, not a power of two"));
    }

    @Test
    void randomCorruptionNeverThrowsAnythingButFormatException() {
        byte[] good = ObjectFormat.write(sample("a.o"));
        Random rnd = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            try {
                ObjectFormat.read("fuzz.o", b);
            } catch (FormatException e) {
                assertTrue(e.getMessage().startsWith("fuzz.o: "));
            }
        }
    }
}
