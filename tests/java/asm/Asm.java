package asm;

import diag.CompileException;
import obj.ObjectFile;
import obj.Section;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Small helpers shared by the assembler tests. */
final class Asm {
    private Asm() {}

    /** Assembles {@code source} as "t.s", failing the test on any error (with the messages). */
    static ObjectFile assemble(String source) {
        try {
            return Assembler.assemble("t.s", source);
        } catch (CompileException e) {
            throw new AssertionError("unexpected errors:\n" + e.render(), e);
        }
    }

    /** The bytes of the text section. */
    static byte[] text(String source) {
        return assemble(source).section(Section.Kind.TEXT).data();
    }

    /** The single instruction word that {@code source} assembles to. */
    static long word(String source) {
        byte[] b = text(source);
        if (b.length != 8) throw new AssertionError("expected one instruction, got " + b.length + " bytes");
        return Disassembler.word(b, 0);
    }

    /** The rendered errors for {@code source}, which must fail to assemble. */
    static String errors(String source) {
        CompileException e = assertThrows(CompileException.class, () -> Assembler.assemble("t.s", source));
        return e.render();
    }

    /** Bytes as "40 0a 0a 00 ..." for readable assertions. */
    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) sb.append(i > 0 ? " " : "").append(String.format("%02x", b[i]));
        return sb.toString();
    }
}
