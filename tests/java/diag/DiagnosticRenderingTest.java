package diag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Diagnostics print the way clang prints them and collect across a whole run. */
class DiagnosticRenderingTest {
    @Test
    void errorWithSourceLineAndCaret() {
        SourceFile f = new SourceFile("hello.s", "_start:\n    li a0, 1\n    add a0, a9, a1\n");
        Diagnostics d = new Diagnostics();
        d.error(f, 3, 13, "unknown register 'a9'");
        assertEquals("hello.s:3:13: error: unknown register 'a9'\n    add a0, a9, a1\n            ^\n", d.all().get(0).render());
    }

    @Test
    void caretFollowsTabsInTheSourceLine() {
        SourceFile f = new SourceFile("t.s", "\tadd\ta0, a9");
        Diagnostics d = new Diagnostics();
        d.warning(f, 1, 10, "w");
        assertEquals("t.s:1:10: warning: w\n\tadd\ta0, a9\n\t   \t    ^\n", d.all().get(0).render());
    }

    @Test
    void caretPastTheEndOfTheLine() {
        SourceFile f = new SourceFile("t.s", "li a0,");
        Diagnostics d = new Diagnostics();
        d.error(f, 1, 7, "expected an operand");
        assertEquals("t.s:1:7: error: expected an operand\nli a0,\n      ^\n", d.all().get(0).render());
    }

    @Test
    void diagnosticWithoutPosition() {
        Diagnostic d = new Diagnostic("x.s", 0, 0, Diagnostic.Severity.ERROR, "cannot read file", null);
        assertEquals("x.s: error: cannot read file\n", d.render());
        assertEquals("x.s: error: cannot read file\n1 error generated.\n", CompileException.of("x.s", "cannot read file").render());
    }

    @Test
    void sourceFileLinesWithEveryKindOfLineEnd() {
        SourceFile f = new SourceFile("t", "a\r\nbb\rccc\nd");
        assertEquals(4, f.lineCount());
        assertEquals("a", f.line(1));
        assertEquals("bb", f.line(2));
        assertEquals("ccc", f.line(3));
        assertEquals("d", f.line(4));
        assertEquals("", f.line(5));
        assertEquals(3, f.lineOf(7));
        assertEquals(2, f.columnOf(7));
    }

    @Test
    void collectorCountsErrorsButNotWarningsOrNotes() throws Exception {
        SourceFile f = new SourceFile("t", "x\ny\n");
        Diagnostics d = new Diagnostics();
        d.warning(f, 1, 1, "w");
        d.note(f, 1, 1, "n");
        assertFalse(d.hasErrors());
        d.throwIfErrors();
        d.error(f, 2, 1, "e");
        CompileException e = assertThrows(CompileException.class, d::throwIfErrors);
        assertEquals(1, e.errorCount());
        assertEquals(3, e.diagnostics().size());
        assertTrue(e.render().endsWith("\n1 error generated.\n"));
    }

    @Test
    void collectorStopsAtItsLimitWithANote() {
        SourceFile f = new SourceFile("t", "x");
        Diagnostics d = new Diagnostics(3);
        for (int i = 0; i < 10; i++) d.error(f, 1, 1, "e" + i);
        assertTrue(d.shouldStop());
        assertEquals(3, d.errorCount());
        assertEquals(4, d.all().size());
        assertEquals("t: note: too many errors emitted (3), stopping now", d.all().get(3).toString());
    }

    @Test
    void sortByPositionKeepsPositionlessOnesLast() {
        SourceFile f = new SourceFile("t", "a\nb\nc");
        Diagnostics d = new Diagnostics();
        d.error(f, 3, 1, "third");
        d.add(new Diagnostic("t", 0, 0, Diagnostic.Severity.NOTE, "summary", null));
        d.error(f, 1, 2, "first");
        d.error(f, 1, 1, "zeroth");
        d.sortByPosition();
        assertEquals(List.of("zeroth", "first", "third", "summary"), d.all().stream().map(Diagnostic::message).toList());
    }
}
