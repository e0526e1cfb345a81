package asm;

import diag.CompileException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** No input, however broken, gets anything out of the assembler but an object or a CompileException. */
class FuzzTest {
    private static final List<String> PIECES = List.of(
            "add", "addi", "li", "la", "lih", "ld", "sd", "beq", "j", "call", "ret", "mv", "cas.w", "syscall", "jalr",
            ".byte", ".word", ".quad", ".ascii", ".asciz", ".zero", ".space", ".align", ".p2align", ".equ", ".set",
            ".globl", ".type", ".size", ".section", ".text", ".data", ".bss", ".rodata", "@function",
            "a0", "sp", "zero", "r31", "r32", "x", "loop", ".L1", ".", "$", "_",
            "0", "1", "-1", "0x", "0x7fffffff", "0xffffffffffffffff", "99999999999999999999999", "0b2", "08", "'a'", "'\\n'", "'",
            "\"", "\"str\"", "\"\\x\"", "\"\\q\"", ",", ",", ",", ":", "(", ")", "+", "-", "*", "/", "%", "<<", ">>", "&", "|",
            "^", "~", "=", "#", "//", "/*", "*/", ";", "\t", " ", "\u00e9", "\\", "1 << 62", "8(sp)", "(a0)");

    @Test
    void randomLinesNeverCrashTheAssembler() {
        Random rnd = new Random(20240611);
        int ok = 0, failed = 0;
        for (int file = 0; file < 300; file++) {
            StringBuilder src = new StringBuilder();
            int lines = 1 + rnd.nextInt(20);
            for (int l = 0; l < lines; l++) {
                int n = rnd.nextInt(8);
                for (int k = 0; k < n; k++) {
                    src.append(PIECES.get(rnd.nextInt(PIECES.size())));
                    if (rnd.nextInt(3) > 0) src.append(' ');
                }
                src.append(rnd.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            try {
                Assembler.assemble("fuzz.s", src.toString());
                ok++;
            } catch (CompileException e) {
                String r = e.render();
                assertTrue(r.contains("error: "), r);
                if (r.contains("internal assembler error")) fail("internal error for:\n" + src + "\n" + r);
                failed++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("crash on input:\n" + src, e);
            }
        }
        assertTrue(ok > 0 && failed > 0, ok + " assembled, " + failed + " rejected");
    }

    @Test
    void randomBytesNeverCrashTheAssembler() {
        Random rnd = new Random(7);
        for (int i = 0; i < 2000; i++) {
            char[] cs = new char[rnd.nextInt(60)];
            for (int k = 0; k < cs.length; k++) cs[k] = (char) (rnd.nextInt(10) == 0 ? rnd.nextInt(0x3000) : 32 + rnd.nextInt(95));
            try {
                Assembler.assemble("bytes.s", new String(cs));
            } catch (CompileException e) {
                if (e.render().contains("internal assembler error")) fail("internal error for: " + new String(cs) + "\n" + e.render());
            }
        }
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "li a0, " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
        assertTrue(Asm.errors(deep).contains("too deeply nested"));
        assertTrue(Asm.errors("li a0, " + "-".repeat(100_000) + "1").contains("too deeply nested"));
        assertTrue(Asm.errors("li a0, 1" + "+1".repeat(100_000)).contains("too deeply nested"));
    }

    @Test
    void hugeSizesAreErrorsNotOutOfMemory() {
        assertTrue(Asm.errors(".data\n.zero 1 << 40").contains("would grow beyond 16 MiB"));
        assertTrue(Asm.errors(".bss\n.zero 1 << 40").contains("would grow beyond 1024 MiB"));
        assertTrue(Asm.errors(".data\n.space 1 << 40, 1").contains("would grow beyond"));
    }
}
