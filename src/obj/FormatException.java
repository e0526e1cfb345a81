package obj;

/**
 * A file that should hold an object file, an executable or an archive does not: wrong magic
 * number, unsupported version, truncated, or inconsistent.
 *
 * <p>The message always starts with the file's name, so a tool can print it as it is:
 * {@code hello.o: truncated: expected symbol count (4 bytes) at offset 12, file has 14 bytes}.
 */
public final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    /** A problem with file {@code file}; {@code problem} says what is wrong, in words. */
    public FormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** The name of the file that is malformed, as the caller gave it to the reader. */
    public String file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
