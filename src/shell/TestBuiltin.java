package shell;

import fs.FsException;
import fs.Inode;
import fs.Mode;
import fs.PathWalker;
import java.util.List;

/**
 * {@code test EXPR} and {@code [ EXPR ]}: POSIX's rules by the number of arguments (so that
 * {@code [ "$x" = -n ]} compares strings whatever x holds), then {@code ! ( ) -a -o} for
 * longer expressions. Strings: {@code -n -z = == != < >}; integers: {@code -eq -ne -lt -le
 * -gt -ge}; files of the guest file system, paths relative to the shell's directory:
 * {@code -e -f -d -s -r -w -x -L -h -p -c -b -S}. The shell is root, so a file that exists
 * is readable and writable, and executable if it is a directory or has an execute bit.
 * Status 0 true, 1 false, 2 after bash's message for a malformed expression.
 */
final class TestBuiltin {
    private TestBuiltin() {}

    static void register(Builtins table) {
        String detail = "Evaluates EXPR; status 0 if true, 1 if false, 2 if malformed. Strings: -n S, -z S,\n"
                + "S1 = S2, S1 != S2, S1 < S2; integers: N1 -eq N2 (-ne -lt -le -gt -ge); files: -e F, -f F,\n"
                + "-d F, -s F (not empty), -r -w -x F, -L F (symbolic link), -p -c -b -S F; ! EXPR,\n"
                + "( EXPR ), EXPR -a EXPR, EXPR -o EXPR. '[' needs ']' as its last argument.";
        table.add(new Builtin("test", "test EXPR", "evaluate a condition", detail, TestBuiltin::test));
        table.add(new Builtin("[", "[ EXPR ]", "evaluate a condition (test)", detail, TestBuiltin::test));
    }

    /** A malformed expression: bash's message, without "sh: [: ". */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static int test(Shell sh, List<String> args, Builtin.Io io) {
        String name = args.get(0);
        List<String> a = args.subList(1, args.size());
        if (name.equals("[")) {
            if (a.isEmpty() || !a.get(a.size() - 1).equals("]")) {
                io.err().println("sh: [: missing `]'");
                return 2;
            }
            a = a.subList(0, a.size() - 1);
        }
        try {
            return new Evaluation(sh, a).run() ? 0 : 1;
        } catch (Malformed e) {
            io.err().println("sh: " + name + ": " + e.getMessage());
            return 2;
        }
    }

    /** One evaluation over the arguments {@code a}. */
    private static final class Evaluation {
        private final Shell sh;
        private final List<String> a;
        private int pos;

        Evaluation(Shell sh, List<String> a) {
            this.sh = sh;
            this.a = a;
        }

        boolean run() {
            switch (a.size()) {
                case 0:
                    return false;
                case 1:
                    return !a.get(0).isEmpty();
                case 2:
                    if (a.get(0).equals("!")) return a.get(1).isEmpty();
                    if (isUnary(a.get(0))) return unary(a.get(0), a.get(1));
                    throw new Malformed(a.get(0) + ": unary operator expected");
                case 3:
                    if (isBinary(a.get(1))) return binary(a.get(0), a.get(1), a.get(2));
                    if (a.get(1).equals("-a")) return !a.get(0).isEmpty() && !a.get(2).isEmpty();
                    if (a.get(1).equals("-o")) return !a.get(0).isEmpty() || !a.get(2).isEmpty();
                    if (a.get(0).equals("!")) return !new Evaluation(sh, a.subList(1, 3)).run();
                    if (a.get(0).equals("(") && a.get(2).equals(")")) return !a.get(1).isEmpty();
                    throw new Malformed(a.get(1) + ": binary operator expected");
                case 4:
                    if (a.get(0).equals("!")) return !new Evaluation(sh, a.subList(1, 4)).run();
                    if (a.get(0).equals("(") && a.get(3).equals(")")) return new Evaluation(sh, a.subList(1, 3)).run();
                    break;
                default:
                    break;
            }
            boolean v = or();
            if (pos < a.size()) throw new Malformed("too many arguments");
            return v;
        }

        private boolean or() {
            boolean v = and();
            while (pos < a.size() && a.get(pos).equals("-o")) {
                pos++;
                v |= and();
            }
            return v;
        }

        private boolean and() {
            boolean v = not();
            while (pos < a.size() && a.get(pos).equals("-a")) {
                pos++;
                v &= not();
            }
            return v;
        }

        private boolean not() {
            if (pos < a.size() && a.get(pos).equals("!")) {
                pos++;
                return !not();
            }
            return primary();
        }

        private boolean primary() {
            if (pos >= a.size()) throw new Malformed("argument expected");
            String x = a.get(pos);
            if (x.equals("(")) {
                pos++;
                boolean v = or();
                if (pos >= a.size() || !a.get(pos).equals(")")) throw new Malformed("`)' expected");
                pos++;
                return v;
            }
            if (pos + 2 < a.size() && isBinary(a.get(pos + 1))) {
                boolean v = binary(x, a.get(pos + 1), a.get(pos + 2));
                pos += 3;
                return v;
            }
            if (isUnary(x) && pos + 1 < a.size()) {
                boolean v = unary(x, a.get(pos + 1));
                pos += 2;
                return v;
            }
            pos++;
            return !x.isEmpty();
        }

        private static boolean isUnary(String op) {
            return op.length() == 2 && op.charAt(0) == '-' && "nzefdsrwxLhpcbS".indexOf(op.charAt(1)) >= 0;
        }

        private static boolean isBinary(String op) {
            return List.of("=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge").contains(op);
        }

        private boolean unary(String op, String s) {
            if (op.equals("-n")) return !s.isEmpty();
            if (op.equals("-z")) return s.isEmpty();
            Inode inode;
            try {
                var fs = sh.session.shell().fs();
                inode = PathWalker.resolve(fs, fs.cwd(), s, !op.equals("-L") && !op.equals("-h"));
            } catch (FsException e) {
                return false;
            }
            return switch (op.charAt(1)) {
                case 'e', 'r', 'w' -> true;
                case 'f' -> inode.isRegular();
                case 'd' -> inode.isDirectory();
                case 's' -> inode.size() > 0;
                case 'x' -> inode.isDirectory() || (inode.mode() & 0111) != 0;
                case 'L', 'h' -> inode.isSymlink();
                case 'p' -> inode.type() == Mode.S_IFIFO;
                case 'c' -> inode.type() == Mode.S_IFCHR;
                case 'b' -> inode.type() == Mode.S_IFBLK;
                default -> inode.type() == Mode.S_IFSOCK; // -S
            };
        }

        private boolean binary(String x, String op, String y) {
            return switch (op) {
                case "=", "==" -> x.equals(y);
                case "!=" -> !x.equals(y);
                case "<" -> x.compareTo(y) < 0;
                case ">" -> x.compareTo(y) > 0;
                default -> {
                    int c = Long.compare(integer(x), integer(y));
                    yield switch (op) {
                        case "-eq" -> c == 0;
                        case "-ne" -> c != 0;
                        case "-lt" -> c < 0;
                        case "-le" -> c <= 0;
                        case "-gt" -> c > 0;
                        default -> c >= 0; // -ge
                    };
                }
            };
        }

        /** An integer operand: optional blanks and sign, decimal digits, as bash reads it. */
        private static long integer(String s) {
            String t = s.strip();
            if (t.matches("[+-]?[0-9]+")) {
                try {
                    return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
                } catch (NumberFormatException e) {
                    throw new Malformed(s + ": integer expression expected");
                }
            }
            throw new Malformed(s + ": integer expression expected");
        }
    }
}
