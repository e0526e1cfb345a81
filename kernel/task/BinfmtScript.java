package task;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Scripts run by their interpreter, Linux's fs/binfmt_script.c: a file whose first two bytes
 * are {@code #!} names on its first line the program that runs it, and one optional argument.
 * {@code execve("./s.sh", ["s.sh", "x"])} of a file starting {@code #!/bin/sh -e} becomes
 * {@code execve("/bin/sh", ["/bin/sh", "-e", "./s.sh", "x"])}: the interpreter, its argument if
 * there is one (the rest of the line, spaces included, trimmed), the script's path as execve
 * was given it, and the original arguments after argv[0].
 *
 * <p>As in Linux, the line is read from the first {@link #BINPRM_BUF_SIZE} bytes: an
 * interpreter path that does not end within them is ENOEXEC, an empty one too; an
 * interpreter that is itself a script is followed, but only {@link #MAX_DEPTH} times (ELOOP).
 */
final class BinfmtScript {
    private BinfmtScript() {}

    /** How much of the file Linux looks at (BINPRM_BUF_SIZE). */
    static final int BINPRM_BUF_SIZE = 256;
    /** How many interpreters may follow one another (Linux's limit in search_binary_handler). */
    static final int MAX_DEPTH = 4;

    /** The interpreter line of a script: the interpreter's path and the new argv. */
    record Interpreter(String path, List<String> argv) {}

    /** Whether {@code file} starts with {@code #!}. */
    static boolean isScript(byte[] file) {
        return file.length >= 2 && file[0] == '#' && file[1] == '!';
    }

    /**
     * Parses the {@code #!} line of {@code file} (executed as {@code path} with {@code argv}):
     * the interpreter to run and its argv, or null if there is no usable interpreter name
     * (execve's ENOEXEC).
     */
    static Interpreter parse(byte[] file, String path, List<String> argv) {
        int end = Math.min(file.length, BINPRM_BUF_SIZE);
        int nl = 2;
        while (nl < end && file[nl] != '\n') nl++;
        boolean truncated = nl == end && end < file.length;
        String line = new String(file, 2, nl - 2, StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < line.length() && isBlank(line.charAt(i))) i++;
        int start = i;
        while (i < line.length() && !isBlank(line.charAt(i))) i++;
        String interp = line.substring(start, i);
        // A name running to the end of a cut-off buffer might be longer than we can see.
        if (interp.isEmpty() || (truncated && i == line.length())) return null;
        String arg = line.substring(i).strip();
        List<String> out = new ArrayList<>();
        out.add(interp);
        if (!arg.isEmpty()) out.add(arg);
        out.add(path);
        if (argv.size() > 1) out.addAll(argv.subList(1, argv.size()));
        return new Interpreter(interp, out);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
