package obj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The line table: lookups cover the code from a row to the next, rows are merged to keep it
 * small, it survives the object and executable formats, and files of the versions before it
 * still load, without lines.
 */
class LineTableTest {
    private static LineTable.Location at(String file, int line) {
        return new LineTable.Location(file, line);
    }

    @Test
    void aRowCoversTheCodeUpToTheNextRowAndLineZeroEndsIt() {
        LineTable t = new LineTable.Builder().add(0x400000, "a.c", 3).add(0x400010, "a.h", 7).end(0x400020).build();
        assertEquals(Optional.empty(), t.lookup(0x3ffff8), "before the first row");
        assertEquals(Optional.of(at("a.c", 3)), t.lookup(0x400000));
        assertEquals(Optional.of(at("a.c", 3)), t.lookup(0x400008));
        assertEquals(Optional.of(at("a.h", 7)), t.lookup(0x400018));
        assertEquals(Optional.empty(), t.lookup(0x400020), "past the end row");
    }

    @Test
    void theBuilderDropsRepeatsAndLetsALaterRowAtTheSameAddressWin() {
        LineTable t = new LineTable.Builder()
                .add(0, "a.c", 3).add(8, "a.c", 3)      // the same line again: no new row
                .add(16, "a.c", 4).add(16, "a.c", 5)    // two rows at one address: the later one
                .add(24, "b.c", 5)                      // the same line number in another file
                .end(32).end(40)                        // an end after an end adds nothing
                .build();
        assertEquals(List.of(new LineTable.Row(0, 0, 3), new LineTable.Row(16, 0, 5), new LineTable.Row(24, 1, 5),
                new LineTable.Row(32, 1, 0)), t.rows());
        assertEquals(List.of("a.c", "b.c"), t.files());
        assertThrows(IllegalArgumentException.class, () -> new LineTable.Builder().add(8, "a.c", 1).add(0, "a.c", 2));
    }

    @Test
    void objectsWithoutLinesLinkAfterObjectsWithThem() {
        LineTable a = new LineTable(List.of("a.c"), List.of(new LineTable.Row(0, 0, 1), new LineTable.Row(8, 0, 2)));
        LineTable linked = new LineTable.Builder().addAll(a, 0x400000, 24).addAll(LineTable.EMPTY, 0x400018, 8).build();
        assertEquals(Optional.of(at("a.c", 2)), linked.lookup(0x400010));
        assertEquals(Optional.empty(), linked.lookup(0x400018), "the assembly object that follows has no line");
    }

    @Test
    void anExecutableOfVersionOneStillLoadsWithoutLines() throws Exception {
        Executable exe = new Executable(0x400000, ExecutableFormatTest.sample().segments(), ExecutableFormatTest.sample().symbols());
        byte[] v2 = ExecutableFormat.write(exe);
        // Version 1 is version 2 without the line table, which is empty here: two zero counts.
        byte[] v1 = Arrays.copyOf(v2, v2.length - 8);
        v1[4] = 1;
        Executable back = ExecutableFormat.read("old", v1);
        assertTrue(back.lines().isEmpty());
        assertEquals(exe.segments(), back.segments());
        assertEquals(Optional.empty(), back.lines().lookup(0x400000));
    }

    @Test
    void anObjectOfVersionFourStillLoadsWithoutLines() throws Exception {
        ObjectFile o = new ObjectFile("old.o");
        o.section(Section.Kind.TEXT).appendLE(4, 8);
        byte[] v5 = ObjectFormat.write(o);
        byte[] v4 = Arrays.copyOf(v5, v5.length - 8);
        v4[4] = 4;
        ObjectFile back = ObjectFormat.read("old.o", v4);
        assertTrue(back.lines().isEmpty());
        assertEquals(8, back.section(Section.Kind.TEXT).size());
    }

    @Test
    void theLineTableRoundTripsThroughTheExecutableFormat() throws Exception {
        Executable back = ExecutableFormat.read("prog", ExecutableFormat.write(ExecutableFormatTest.sample()));
        assertEquals(ExecutableFormatTest.sample().lines().rows(), back.lines().rows());
        assertEquals(Optional.of(at("prog.c", 9)), back.lines().lookup(0x400010));
    }

    @Test
    void rowsBeyondTextAndBadFileIndexesAreRejected() {
        ObjectFile o = new ObjectFile("x.o");
        o.section(Section.Kind.TEXT).appendLE(4, 8);
        o.setLines(new LineTable(List.of("x.c"), List.of(new LineTable.Row(0, 0, 1), new LineTable.Row(16, 0, 0))));
        FormatException e = assertThrows(FormatException.class, () -> ObjectFormat.read("x.o", ObjectFormat.write(o)));
        assertEquals("x.o: the line table reaches beyond .text (8 bytes)", e.getMessage());

        byte[] bytes = ExecutableFormat.write(ExecutableFormatTest.sample());
        // The last row is 3 bytes: address delta, file, line; name file 5 of 1.
        bytes[bytes.length - 2] = 5;
        e = assertThrows(FormatException.class, () -> ExecutableFormat.read("bad", bytes));
        assertEquals("bad: line table row 2 names file 5 of 1", e.getMessage());
    }
}
