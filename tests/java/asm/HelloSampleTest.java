package asm;

import exec.BareMachine;
import ld.Linker;
import obj.Executable;
import obj.ObjectFile;
import obj.Segment;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** tests/asm/hello.s assembles, links, runs, and disassembles back to itself. */
class HelloSampleTest {
    private static Executable link() throws Exception {
        String src = Files.readString(Path.of("tests/asm/hello.s"));
        ObjectFile o = Assembler.assemble("hello.s", src);
        return new Linker().link(List.of(o), List.of());
    }

    @Test
    void helloPrintsThreeTimesAndExitsWithZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        BareMachine.Result r = new BareMachine(out, err, 1 << 24).run(link(), List.of("hello"), 10_000);
        assertEquals("hello, world\n".repeat(3), out.toString(StandardCharsets.UTF_8));
        assertEquals(0, r.status());
    }

    @Test
    void executableListingNamesTheEntryAndTheMessage() throws Exception {
        String listing = Disassembler.disassemble(link());
        assertTrue(listing.startsWith("Disassembly of segment 0x400000-"), listing);
        assertTrue(listing.contains("\n0000000000400000 <_start>:\n  400000:\t70 12 00 00 03 00 00 00 \tli\ts1, 3\n"), listing);
        assertTrue(listing.contains("\tbne\ts1, zero, 400008 <_start+0x8>\n"), listing);
        assertTrue(listing.contains("<msg>\n"), listing);
    }

    @Test
    void executableTextRoundTripsThroughSource() throws Exception {
        Executable exe = link();
        Segment text = exe.segments().get(0);
        String source = Disassembler.disassembleAsSource(text.data(), text.vaddr(), exe.symbols());
        assertArrayEquals(text.data(), Asm.text(source), source);
    }
}
