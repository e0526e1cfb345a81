package obj;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Executables survive being written and read back; broken ones are rejected with a clear message. */
class ExecutableFormatTest {

    static Executable sample() {
        Segment text = new Segment(0x400000, 24, new byte[] {4, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0}, Segment.R | Segment.X);
        Segment rodata = new Segment(0x401000, 3, new byte[] {'h', 'i', 0}, Segment.R);
        Segment data = new Segment(0x402000, 0x2000, new byte[] {1, 2, 3, 4, 5}, Segment.R | Segment.W);
        List<Symbol> syms = List.of(
                new Symbol("_start", null, 0x400000, 16, Symbol.Binding.GLOBAL, Symbol.Type.FUNC),
                new Symbol("msg", null, 0x401000, 3, Symbol.Binding.LOCAL, Symbol.Type.OBJECT),
                new Symbol("buf", null, 0x402008, 0x100, Symbol.Binding.GLOBAL, Symbol.Type.OBJECT));
        LineTable lines = new LineTable(List.of("prog.c"), List.of(new LineTable.Row(0x400000, 0, 7),
                new LineTable.Row(0x400008, 0, 9), new LineTable.Row(0x400018, 0, 0)));
        return new Executable(0x400000, List.of(text, rodata, data), syms, lines);
    }

    private static FormatException rejects(byte[] bytes) {
        return assertThrows(FormatException.class, () -> ExecutableFormat.read("bad", bytes));
    }

    /** Writes a little-endian value into {@code b} at {@code at}. */
    private static void put(byte[] b, int at, long v, int width) {
        for (int i = 0; i < width; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    @Test
    void writeReadWriteGivesIdenticalBytes() throws Exception {
        byte[] bytes = ExecutableFormat.write(sample());
        Executable back = ExecutableFormat.read("prog", bytes);
        assertArrayEquals(bytes, ExecutableFormat.write(back));
        assertEquals(sample().segments(), back.segments());
        assertEquals(0x400000, back.entry());
        assertEquals("buf", back.symbols().get(2).name);
        assertEquals(0x402008, back.symbols().get(2).value);
        assertEquals(Symbol.Binding.LOCAL, back.symbols().get(1).binding);
    }

    @Test
    void headerStartsWithMagicVersionAndEntry() {
        byte[] bytes = ExecutableFormat.write(sample());
        assertArrayEquals(new byte[] {0x7f, 'C', 'L', 'X', 2, 0, 3, 0, 0, 0, 0x40, 0, 0, 0, 0, 0}, Arrays.copyOf(bytes, 16));
    }

    @Test
    void segmentKeepsBssAsMemoryBeyondFileSize() throws Exception {
        Segment data = ExecutableFormat.read("p", ExecutableFormat.write(sample())).segments().get(2);
        assertEquals(5, data.fileSize());
        assertEquals(0x2000, data.memSize());
        assertEquals("rw-", data.permissions());
    }

    @Test
    void badMagicIsReported() {
        byte[] bytes = ExecutableFormat.write(sample());
        bytes[1] = 'E';
        assertTrue(rejects(bytes).getMessage().startsWith("bad: not a Clonix executable: bad magic number 7f 45 4c 58"));
    }

    @Test
    void objectFileIsNotAnExecutable() {
        FormatException e = rejects(ObjectFormat.write(new ObjectFile("x.o")));
        assertTrue(e.getMessage().contains("not a Clonix executable"), e.getMessage());
    }

    @Test
    void wrongVersionIsReported() {
        byte[] bytes = ExecutableFormat.write(sample());
        bytes[4] = 7;
        assertEquals("bad: unsupported executable version 7 (this tool reads versions 1 and 2)", rejects(bytes).getMessage());
    }

    @Test
    void everyTruncationIsAFormatException() {
        byte[] bytes = ExecutableFormat.write(sample());
        for (int n = 0; n < bytes.length; n++) {
            FormatException e = rejects(Arrays.copyOf(bytes, n));
            assertTrue(e.getMessage().startsWith("bad: "), e.getMessage());
        }
    }

    @Test
    void misalignedSegmentIsReported() {
        byte[] bytes = ExecutableFormat.write(sample());
        put(bytes, 32 + 40 + 8, 0x401010, 8); // second segment's vaddr
        assertEquals("bad: segment 1 address 0x401010 is not page-aligned", rejects(bytes).getMessage());
    }

    @Test
    void overlappingSegmentsAreReported() {
        byte[] bytes = ExecutableFormat.write(sample());
        put(bytes, 32 + 40 + 8, 0x400000, 8);
        assertEquals("bad: segment 1 at 0x400000 overlaps or precedes the previous segment", rejects(bytes).getMessage());
    }

    @Test
    void fileSizeLargerThanMemorySizeIsReported() {
        byte[] bytes = ExecutableFormat.write(sample());
        put(bytes, 32 + 40 + 16, 2, 8); // second segment's memsz, below its filesz of 3
        assertEquals("bad: segment 1 has filesz 0x3 larger than memsz 0x2", rejects(bytes).getMessage());
    }

    @Test
    void contentsOutsideTheFileAreReported() {
        byte[] bytes = ExecutableFormat.write(sample());
        put(bytes, 32 + 32, 1 << 20, 8); // first segment's file offset
        assertTrue(rejects(bytes).getMessage().startsWith("bad: segment 0 contents at offset 1048576 is outside the file"));
    }

    @Test
    void entryOutsideExecutableSegmentIsReported() {
        byte[] bytes = ExecutableFormat.write(sample());
        put(bytes, 8, 0x401000, 8);
        assertEquals("bad: entry point 0x401000 is not in an executable segment", rejects(bytes).getMessage());
    }

    @Test
    void randomCorruptionNeverThrowsAnythingButFormatException() {
        byte[] good = ExecutableFormat.write(sample());
        Random rnd = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] b = good.clone();
            for (int k = 0; k < 1 + rnd.nextInt(4); k++) b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            try {
                ExecutableFormat.read("fuzz", b);
            } catch (FormatException e) {
                assertTrue(e.getMessage().startsWith("fuzz: "));
            }
        }
    }
}
