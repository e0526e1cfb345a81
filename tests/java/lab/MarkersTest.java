package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The marker syntax of issue15-spec.md: how a lab's blocks are found, how {@code lab start}
 * rewrites them, and every malformed block reported as file:line before anything changes.
 * Marker lines are built from pieces here so that this file holds no block of its own.
 */
class MarkersTest {
    private static final String B = " BEGIN", S = " STUB", E = " END";

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void javaBlockBecomesItsUncommentedStubWithIndentationKept() throws Exception {
        String text = lines(
                "class Fork {",
                "    int copy(Page p) {",
                "        // LAB cow" + B + ": share the page read-only instead of copying it",
                "        share(p);",
                "        return 0;",
                "        // LAB cow" + S,
                "        // if (p != null) {",
                "        //     copyNow(p);",
                "        // }",
                "        //",
                "",
                "        // return 0;",
                "        // LAB cow" + E,
                "    }",
                "}");
        assertEquals(lines(
                "class Fork {",
                "    int copy(Page p) {",
                "        // LAB cow: share the page read-only instead of copying it",
                "        if (p != null) {",
                "            copyNow(p);",
                "        }",
                "",
                "",
                "        return 0;",
                "    }",
                "}"), Markers.start("Fork.java", text, "cow"));
    }

    @Test
    void assemblyBlocksUseTheHashLeader() throws Exception {
        String text = lines(
                "futex_wait:",
                "    # LAB locks" + B + ": the system call",
                "    li a7, 98",
                "    ecall",
                "    # LAB locks" + S,
                "    # li a0, -38",
                "    # LAB locks" + E,
                "    ret");
        assertEquals(lines("futex_wait:", "    # LAB locks: the system call", "    li a0, -38", "    ret"),
                Markers.start("futex.s", text, "locks"));
    }

    @Test
    void blockWithoutStubDisappearsLeavingTheHint() throws Exception {
        String text = lines("a", "// LAB syscall" + B + ": add the table entry", "x = 1;", "// LAB syscall" + E, "b");
        assertEquals(lines("a", "// LAB syscall: add the table entry", "b"), Markers.start("t.c", text, "syscall"));
        String noHint = lines("// LAB syscall" + B, "x = 1;", "// LAB syscall" + E);
        assertEquals(lines("// LAB syscall"), Markers.start("t.c", noHint, "syscall"));
    }

    @Test
    void onlyTheNamedLabIsRewrittenAndAFileWithoutItsBlocksIsUnchanged() throws Exception {
        String text = lines(
                "// LAB cow" + B + ": one", "cow();", "// LAB cow" + E,
                "// LAB sched" + B + ": two", "sched();", "// LAB sched" + E);
        assertEquals(lines("// LAB cow: one", "// LAB sched" + B + ": two", "sched();", "// LAB sched" + E),
                Markers.start("t.c", text, "cow"));
        assertEquals(text, Markers.start("t.c", text, "locks"));
        assertEquals(List.of("cow", "sched"), Markers.labsWithBlocks("t.c", text));
    }

    @Test
    void aFinalLineWithoutNewlineStaysWithoutOne() throws Exception {
        String text = "// LAB cow" + B + "\nx\n// LAB cow" + S + "\n// y\n// LAB cow" + E + "\nlast";
        assertEquals("// LAB cow\ny\nlast", Markers.start("t.c", text, "cow"));
    }

    @Test
    void parseGivesEachBlocksLines() throws Exception {
        List<Markers.Block> blocks = Markers.parse("t.c", List.of(
                "  // LAB cow" + B + ": hint here", "x", "  // LAB cow" + S, "  // y", "  // LAB cow" + E));
        assertEquals(List.of(new Markers.Block("cow", 0, 2, 4, "  ", "//", "hint here")), blocks);
    }

    private static String error(String... lines) {
        return assertThrows(Markers.MarkerException.class, () -> Markers.start("k/F.java", lines(lines), "cow")).getMessage();
    }

    @Test
    void beginWithoutEndIsReportedAtTheBegin() {
        assertEquals("k/F.java:2: LAB cow BEGIN without an END", error("a", "// LAB cow" + B, "x"));
    }

    @Test
    void nestedBlocksAreRefused() {
        assertEquals("k/F.java:3: LAB sched BEGIN inside the block of lab cow that begins at line 1 (blocks do not nest)",
                error("// LAB cow" + B, "x", "// LAB sched" + B, "// LAB sched" + E, "// LAB cow" + E));
        assertEquals("k/F.java:2: LAB cow BEGIN inside the block of lab cow that begins at line 1 (blocks do not nest)",
                error("// LAB cow" + B, "// LAB cow" + B, "// LAB cow" + E));
    }

    @Test
    void endOrStubWithoutBeginIsRefused() {
        assertEquals("k/F.java:2: LAB cow END without a BEGIN", error("x", "// LAB cow" + E));
        assertEquals("k/F.java:1: LAB cow STUB without a BEGIN", error("// LAB cow" + S, "// x"));
    }

    @Test
    void endOfAnotherLabIsRefused() {
        assertEquals("k/F.java:3: LAB sched END inside the block of lab cow that begins at line 1",
                error("// LAB cow" + B, "x", "// LAB sched" + E));
    }

    @Test
    void aSecondStubIsRefused() {
        assertEquals("k/F.java:4: a second LAB cow STUB in one block",
                error("// LAB cow" + B, "x", "// LAB cow" + S, "// LAB cow" + S, "// LAB cow" + E));
    }

    @Test
    void aStubLineThatIsNotCommentedOutIsRefused() {
        assertEquals("k/F.java:4: stub line of lab cow is not commented out with '// '",
                error("// LAB cow" + B, "x", "// LAB cow" + S, "y = 0;", "// LAB cow" + E));
        // The leader must be followed by a space: "//y" would lose its first character.
        assertEquals("k/F.java:4: stub line of lab cow is not commented out with '// '",
                error("// LAB cow" + B, "x", "// LAB cow" + S, "//y", "// LAB cow" + E));
    }

    @Test
    void anotherLabsMalformedBlockStopsTheRewriteToo() {
        // The whole file is checked, so starting cow still reports sched's missing END.
        assertEquals("k/F.java:1: LAB sched BEGIN without an END", error("// LAB sched" + B, "x"));
    }

    @Test
    void aMarkdownBlockBecomesItsHintAsAParagraph() throws Exception {
        String text = lines(
                "### Mutexes",
                "<!-- LAB locks" + B + ": How the mutex uses futex(2) is the locks lab's question. -->",
                "The word is 0, 1 or 2.",
                "<!-- LAB locks" + E + " -->",
                "Next.");
        assertEquals(lines(
                "### Mutexes",
                "<!-- LAB locks -->",
                "How the mutex uses futex(2) is the locks lab's question.",
                "Next."), Markers.start("docs/libc.md", text, "locks"));
    }

    @Test
    void inMarkdownOnlyItsOwnMarkersCount() throws Exception {
        // A handout shows the source syntax in an indented example: not a block.
        String example = lines("    // LAB cow" + B + ": ...", "    // LAB cow" + E);
        assertEquals(List.of(), Markers.labsWithBlocks("docs/labs/cow.md", example));
        assertEquals("docs/x.md:2: a Markdown block has no STUB: its BEGIN line's hint is what replaces it",
                assertThrows(Markers.MarkerException.class, () -> Markers.parse("docs/x.md",
                        List.of("<!-- LAB cow" + B + " -->", "<!-- LAB cow" + S + " -->", "<!-- LAB cow" + E + " -->")))
                        .getMessage());
    }
}
