package lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marker blocks of one source file: where a lab's reference code sits, and the stub that
 * replaces it at the lab's starting point. A block is
 *
 * <pre>
 *     LEADER LAB name BEGIN: one line telling the student what to write here
 *     ...reference code...
 *     LEADER LAB name STUB
 *     LEADER ...stub code, each line commented out with the leader and one space...
 *     LEADER LAB name END
 * </pre>
 *
 * where LEADER is the file's line-comment leader ({@code //} in Java and C, {@code #} in
 * assembly). Markers may be indented; the STUB section is optional; a block never nests.
 *
 * <p>Documentation that would give a lab's answer away (a design section of docs/libc.md,
 * say) is marked too, in Markdown's own comments, at the start of a line and with no STUB:
 * {@code <!-- LAB name BEGIN: what the student edition says instead -->} ... {@code <!-- LAB
 * name END -->}. At the starting point the block becomes {@code <!-- LAB name -->} followed
 * by the hint as a visible paragraph. Only these count as markers in a Markdown file, so a
 * handout can show the source syntax in an indented example.
 * {@link #start} rewrites a lab's blocks into the lab's starting point: the BEGIN line becomes
 * {@code LEADER LAB name: the hint}, the stub lines are uncommented (the leader and one space
 * after it removed, the indentation before it kept), and everything else of the block goes.
 * Parsing checks the whole file, every lab's blocks, so a malformed file is reported (as
 * {@code file:line: what}) before anything is written.
 */
public final class Markers {
    private Markers() {}

    /** A marker line: indentation, leader, lab name, keyword, and the hint after BEGIN. */
    private static final Pattern MARKER =
            Pattern.compile("^(\\s*)(//|#)\\s*LAB\\s+([A-Za-z0-9_-]+)\\s+(BEGIN|STUB|END)\\b:?\\s*(.*)$");

    /** A marker line of a Markdown file: an HTML comment at the start of the line. */
    private static final Pattern MARKDOWN_MARKER =
            Pattern.compile("^()(<!--)\\s*LAB\\s+([A-Za-z0-9_-]+)\\s+(BEGIN|STUB|END)\\b:?\\s*(.*?)\\s*-->\\s*$");

    private static final String MARKDOWN_LEADER = "<!--";

    private static Pattern markerIn(String file) {
        return file.endsWith(".md") ? MARKDOWN_MARKER : MARKER;
    }

    /**
     * One block, by its lines (0-based indices into the file's lines).
     *
     * @param lab the lab it belongs to
     * @param begin the BEGIN line
     * @param stub the STUB line, or -1 when the block has no stub
     * @param end the END line
     * @param indent the indentation of the BEGIN line
     * @param leader the comment leader of the BEGIN line
     * @param hint what the student is to write here (may be empty)
     */
    public record Block(String lab, int begin, int stub, int end, String indent, String leader, String hint) {}

    /** A malformed block, reported as {@code file:line: what}. */
    public static final class MarkerException extends Exception {
        private static final long serialVersionUID = 1L;

        MarkerException(String file, int line, String what) {
            super(file + ":" + line + ": " + what);
        }
    }

    /**
     * Every block of the file whose lines are {@code lines}, in order; {@code file} names the
     * file in errors. Fails on a BEGIN inside a block, a STUB or END outside one or naming
     * another lab, a second STUB, a BEGIN without END, or a stub line that is neither blank
     * nor commented out with the block's leader.
     */
    public static List<Block> parse(String file, List<String> lines) throws MarkerException {
        List<Block> blocks = new ArrayList<>();
        Pattern marker = markerIn(file);
        Matcher open = null;
        int begin = -1, stub = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = marker.matcher(lines.get(i));
            if (!m.matches()) {
                if (stub >= 0 && !isCommentedOut(lines.get(i), open.group(2))) {
                    throw new MarkerException(file, i + 1, "stub line of lab " + open.group(3)
                            + " is not commented out with '" + open.group(2) + " '");
                }
                continue;
            }
            String lab = m.group(3), keyword = m.group(4);
            if (keyword.equals("BEGIN")) {
                if (open != null) {
                    throw new MarkerException(file, i + 1, "LAB " + lab + " BEGIN inside the block of lab "
                            + open.group(3) + " that begins at line " + (begin + 1) + " (blocks do not nest)");
                }
                open = m;
                begin = i;
                stub = -1;
                continue;
            }
            if (open == null) throw new MarkerException(file, i + 1, "LAB " + lab + " " + keyword + " without a BEGIN");
            if (!lab.equals(open.group(3))) {
                throw new MarkerException(file, i + 1, "LAB " + lab + " " + keyword + " inside the block of lab "
                        + open.group(3) + " that begins at line " + (begin + 1));
            }
            if (keyword.equals("STUB")) {
                if (marker == MARKDOWN_MARKER) throw new MarkerException(file, i + 1, "a Markdown block has no STUB: its BEGIN line's hint is what replaces it");
                if (stub >= 0) throw new MarkerException(file, i + 1, "a second LAB " + lab + " STUB in one block");
                stub = i;
            } else {
                blocks.add(new Block(lab, begin, stub, i, open.group(1), open.group(2), open.group(5).trim()));
                open = null;
                stub = -1;
            }
        }
        if (open != null) throw new MarkerException(file, begin + 1, "LAB " + open.group(3) + " BEGIN without an END");
        return blocks;
    }

    /** A stub line is blank, the bare leader, or the leader and a space, after any indentation. */
    private static boolean isCommentedOut(String line, String leader) {
        String s = line.strip();
        return s.isEmpty() || s.equals(leader) || line.stripLeading().startsWith(leader + " ");
    }

    /**
     * The file's text with every block of {@code lab} at its starting point (see the class
     * comment); other labs' blocks are left as they are. Returns the text unchanged when the
     * file has no block of {@code lab}. Line ends are normalised to {@code \n}, and a final
     * line end is kept if the file had one.
     */
    public static String start(String file, String text, String lab) throws MarkerException {
        List<String> lines = text.lines().toList();
        List<Block> blocks = parse(file, lines).stream().filter(b -> b.lab().equals(lab)).toList();
        if (blocks.isEmpty()) return text;
        StringBuilder out = new StringBuilder(text.length());
        int next = 0;
        for (Block b : blocks) {
            for (int i = next; i < b.begin(); i++) out.append(lines.get(i)).append('\n');
            if (b.leader().equals(MARKDOWN_LEADER)) {
                out.append("<!-- LAB ").append(lab).append(" -->\n");
                if (!b.hint().isEmpty()) out.append(b.hint()).append('\n');
            } else {
                out.append(b.indent()).append(b.leader()).append(" LAB ").append(lab);
                if (!b.hint().isEmpty()) out.append(": ").append(b.hint());
                out.append('\n');
            }
            if (b.stub() >= 0) {
                for (int i = b.stub() + 1; i < b.end(); i++) out.append(uncomment(lines.get(i), b.leader())).append('\n');
            }
            next = b.end() + 1;
        }
        for (int i = next; i < lines.size(); i++) out.append(lines.get(i)).append('\n');
        if (!text.endsWith("\n") && !text.endsWith("\r") && out.length() > 0) out.setLength(out.length() - 1);
        return out.toString();
    }

    /** One stub line uncommented: its indentation kept, the leader and one space after it removed. */
    private static String uncomment(String line, String leader) {
        String rest = line.stripLeading();
        if (rest.isEmpty()) return "";
        String indent = line.substring(0, line.length() - rest.length());
        String code = rest.substring(leader.length());
        return code.isEmpty() ? "" : indent + code.substring(1);
    }

    /** The labs that still have a reference block (a BEGIN marker) in the file, in order of appearance. */
    public static List<String> labsWithBlocks(String file, String text) throws MarkerException {
        return parse(file, text.lines().toList()).stream().map(Block::lab).distinct().toList();
    }

    /** Cheap test for files not worth parsing: no marker can be in a text without "LAB". */
    public static boolean mayHaveMarkers(String text) {
        return text.contains("LAB");
    }
}
