package trace;

/**
 * A place in the C source: the file as the compiler was given it (or the header it
 * included), the 1-based line, and the function the code belongs to ("" when no symbol
 * covers it). {@link #toString} is the "file:line" every tool prints.
 */
public record SourceLine(String file, int line, String function) {
    /** "race.c:12". */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
