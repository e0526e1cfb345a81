package shell;

import fs.FsException;
import fs.Inode;
import fs.OpenFile;
import fs.OpenFlags;
import fs.PathWalker;
import fs.Pipe;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The built-ins that read commands or input: {@code read}, {@code eval} and {@code .}.
 *
 * <p>{@code read} takes its line from its standard input byte by byte, as a shell must so
 * as not to take what follows the line from a pipe: from a file or here-document directly,
 * from a pipe after running the machine until a writer has put something in it (or none is
 * left), and from the console only interactively (in batch mode the console is at its end).
 */
final class InputBuiltins {
    private InputBuiltins() {}

    /** The largest file '.' runs: the shell holds it in memory. */
    static final int MAX_SCRIPT_BYTES = 1 << 20;

    static void register(Builtins table) {
        table.add(new Builtin("read", "read [-r] NAME...", "read a line into variables",
                "Reads a line from standard input and splits it on $IFS: each NAME gets a field, the\n"
                        + "last one the rest of the line. Without -r a backslash escapes the next character\n"
                        + "and joins lines. Status 1 at the end of the input.",
                InputBuiltins::read));
        table.add(new Builtin("eval", "eval [ARG...]", "run arguments as a command",
                "Joins the arguments with spaces and runs the result as shell commands.", InputBuiltins::eval));
        table.add(new Builtin(".", ". FILE", "run the commands of a file in this shell",
                "Runs the commands of the guest file FILE (looked up in $PATH if it has no '/') in the\n"
                        + "shell itself, so that its variables and functions stay defined.", InputBuiltins::dot));
    }

    private static int read(Shell sh, List<String> args, Builtin.Io io) {
        List<String> names = new ArrayList<>(args.subList(1, args.size()));
        boolean raw = !names.isEmpty() && names.get(0).equals("-r");
        if (raw) names.remove(0);
        if (names.isEmpty()) names.add("REPLY");
        for (String n : names) {
            if (!Variables.isName(n)) {
                io.err().println("sh: read: `" + n + "': not a valid identifier");
                return 1;
            }
        }
        StringBuilder line = new StringBuilder();
        // Which characters were escaped: they are never field separators.
        BitSet escaped = new BitSet();
        boolean ended = readLine(sh, io.in(), raw, line, escaped);
        if (sh.inPipeline) return ended ? 0 : 1;
        String ifs = sh.vars.isSet("IFS") ? sh.vars.get("IFS") : " \t\n";
        List<String> fields = split(line.toString(), escaped, ifs, names.size());
        for (int i = 0; i < names.size(); i++) sh.vars.set(names.get(i), i < fields.size() ? fields.get(i) : "");
        return ended ? 0 : 1;
    }

    /** Reads up to a newline into {@code line}, marking in {@code escaped} what a backslash escaped; false if the input ended first. */
    private static boolean readLine(Shell sh, OpenFile in, boolean raw, StringBuilder line, BitSet escaped) {
        IntSupplier next;
        if (in != null) {
            next = () -> readByte(sh, in);
        } else {
            String typedLine = sh.frontend.readLine();
            String typed = typedLine == null ? null : typedLine + "\n";
            byte[] data = typed == null ? new byte[0] : typed.getBytes(StandardCharsets.UTF_8);
            int[] at = {0};
            next = () -> at[0] < data.length ? data[at[0]++] & 0xff : -1;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> escapedAt = new ArrayList<>();
        boolean ended = false;
        for (int b = next.getAsInt(); b >= 0; b = next.getAsInt()) {
            if (b == '\n') {
                ended = true;
                break;
            }
            if (b == '\\' && !raw) {
                b = next.getAsInt();
                if (b < 0) break;
                if (b == '\n') continue; // a line continued
                escapedAt.add(bytes.size());
            }
            bytes.write(b);
        }
        // Positions were counted in bytes; the escaped characters are ASCII in any line that uses them.
        line.append(bytes.toString(StandardCharsets.UTF_8));
        for (int i : escapedAt) escaped.set(i);
        return ended;
    }

    /** One byte of {@code in}, or -1 at its end; an empty pipe with writers first lets the machine run. */
    static int readByte(Shell sh, OpenFile in) {
        Inode inode = in.inode();
        if (!in.isReadable()) return -1;
        if (inode instanceof Pipe p && p.available() == 0 && p.writers() > 0) {
            sh.session.runUntil(() -> p.available() > 0 || p.writers() == 0);
            if (p.available() == 0) return -1; // nothing can ever write: the end, for read
        }
        byte[] b = new byte[1];
        long n = inode.read(in, in.position(), b, 0, 1, null);
        if (n <= 0) return -1;
        if (inode.isSeekable()) in.setPosition(in.position() + 1);
        return b[0] & 0xff;
    }

    /**
     * The fields of a line for {@code count} names: split on $IFS, whitespace of $IFS trimmed
     * at both ends; the last field is the rest of the line.
     */
    static List<String> split(String line, BitSet escaped, String ifs, int count) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n && isIfsWhite(line, i, escaped, ifs)) i++;
        while (i < n) {
            if (fields.size() == count - 1) {
                int end = n;
                while (end > i && isIfsWhite(line, end - 1, escaped, ifs)) end--;
                fields.add(line.substring(i, end));
                return fields;
            }
            int start = i;
            while (i < n && !isIfs(line, i, escaped, ifs)) i++;
            fields.add(line.substring(start, i));
            while (i < n && isIfsWhite(line, i, escaped, ifs)) i++;
            if (i < n && isIfs(line, i, escaped, ifs)) {
                i++; // one separator that is not whitespace
                while (i < n && isIfsWhite(line, i, escaped, ifs)) i++;
            }
        }
        return fields;
    }

    private static boolean isIfs(String line, int i, BitSet escaped, String ifs) {
        return !escaped.get(i) && ifs.indexOf(line.charAt(i)) >= 0;
    }

    private static boolean isIfsWhite(String line, int i, BitSet escaped, String ifs) {
        char c = line.charAt(i);
        return isIfs(line, i, escaped, ifs) && (c == ' ' || c == '\t' || c == '\n');
    }

    private static int eval(Shell sh, List<String> args, Builtin.Io io) {
        return runText(sh, String.join(" ", args.subList(1, args.size())), "eval", io);
    }

    /** Parses and runs {@code text} in the shell; a syntax error is reported as NAME's. */
    private static int runText(Shell sh, String text, String name, Builtin.Io io) {
        List<Ast.AndOr> lists;
        try {
            lists = Parser.parse(text);
        } catch (SyntaxError e) {
            io.err().println("sh: " + name + ": line " + e.line + ": " + e.getMessage());
            return 2;
        }
        sh.vars.setStatus(0);
        return sh.interpreter.runText(name, lists);
    }

    private static int dot(Shell sh, List<String> args, Builtin.Io io) {
        if (args.size() < 2) {
            io.err().println("sh: .: filename argument required");
            return 2;
        }
        String name = args.get(1);
        String path = name;
        var fs = sh.session.shell().fs();
        if (!name.contains("/")) {
            for (String dir : sh.vars.get("PATH").split(":")) {
                if (!dir.isEmpty() && isFile(sh, dir + "/" + name)) {
                    path = dir + "/" + name;
                    break;
                }
            }
        }
        OpenFile file;
        try {
            file = boot.GuestFiles.open(sh.session.kernel().vfs(), fs, path, OpenFlags.O_RDONLY, 0);
        } catch (FsException e) {
            io.err().println("sh: " + name + ": " + Messages.error(e.errno()));
            return 1;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try {
            byte[] buf = new byte[4096];
            long pos = 0;
            for (long n; (n = file.inode().read(file, pos, buf, 0, buf.length, null)) > 0; pos += n) {
                text.write(buf, 0, (int) n);
                if (text.size() > MAX_SCRIPT_BYTES) {
                    io.err().println("sh: " + name + ": larger than " + MAX_SCRIPT_BYTES + " bytes");
                    return 1;
                }
            }
        } finally {
            file.put();
        }
        return runText(sh, text.toString(StandardCharsets.UTF_8), name, io);
    }

    private static boolean isFile(Shell sh, String path) {
        var fs = sh.session.shell().fs();
        try {
            return PathWalker.resolve(fs, fs.cwd(), path, true).isRegular();
        } catch (FsException e) {
            return false;
        }
    }
}
