package shell;

/**
 * {@code $((...))}: POSIX shell arithmetic on 64-bit signed integers that wrap as bash's do.
 * The C operators by C's precedence ({@code , = op= ?: || && | ^ & == != < <= > >= << >> + - * / %},
 * unary {@code + - ! ~}, {@code ++ --} before and after a name) and bash's {@code **}; numbers in
 * decimal, octal ({@code 010}), hexadecimal ({@code 0x1f}) and BASE#DIGITS; a name stands for
 * its variable, whose value is itself evaluated (unset or empty is 0). Errors are bash's:
 * {@code 1/0: division by 0 (error token is "0")}, the token being the text from the last
 * one read. Evaluation is by recursive descent over the text, one level per precedence,
 * skipping the side effects of the branch {@code && || ?:} do not take.
 */
final class Arithmetic {
    /** Where the names of an expression live. */
    interface Scope {
        String get(String name);

        void set(String name, String value);
    }

    /** An expression that does not evaluate; the message is bash's, without "sh: ". */
    static final class Error extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Error(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * How deep variables may refer to expressions that refer to variables, and operators
     * nest in one expression ({@code ((((1))))}, {@code - - 1}, {@code a = b = 1}); bash's
     * limit is higher, this one keeps the recursion far from the end of the Java stack.
     */
    private static final int MAX_DEPTH = 200;

    private final String expr;
    private final Scope scope;
    private final int depth;
    private int pos;
    private int tokenStart;
    /** The current token: an operator's spelling, "num", "name", or "" at the end. */
    private String token;
    private long number;
    private String name;
    /** Greater than 0 inside a branch that is not taken: nothing is assigned there. */
    private int skipping;
    /** How deep the evaluation of this expression has recursed. */
    private int nesting;

    private Arithmetic(String expr, Scope scope, int depth) {
        this.expr = expr;
        this.scope = scope;
        this.depth = depth;
    }

    /** The value of {@code expr}; throws {@link Error}. An empty expression is 0. */
    static long evaluate(String expr, Scope scope) {
        return evaluate(expr, scope, 0);
    }

    private static long evaluate(String expr, Scope scope, int depth) {
        if (depth > MAX_DEPTH) throw new Error(expr + ": expression recursion level exceeded");
        Arithmetic a = new Arithmetic(expr, scope, depth);
        a.next();
        if (a.token.isEmpty()) return 0;
        long v = a.comma();
        if (!a.token.isEmpty()) throw a.error("syntax error in expression");
        return v;
    }

    private Error error(String what) {
        return new Error(expr + ": " + what + " (error token is \"" + expr.substring(tokenStart) + "\")");
    }

    private static final String[] OPERATORS = {
        "<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=",
        "%=", "&=", "^=", "|=", "+", "-", "*", "/", "%", "<", ">", "=", "!", "~", "&", "^", "|", "?", ":", "(",
        ")", ","};

    private void next() {
        while (pos < expr.length() && Character.isWhitespace(expr.charAt(pos))) pos++;
        if (pos >= expr.length()) {
            token = "";
            return;
        }
        tokenStart = pos;
        char c = expr.charAt(pos);
        if (c >= '0' && c <= '9') {
            int end = pos;
            while (end < expr.length() && (Character.isLetterOrDigit(expr.charAt(end)) || expr.charAt(end) == '#'
                    || expr.charAt(end) == '_' || expr.charAt(end) == '@')) end++;
            number = parseNumber(expr.substring(pos, end));
            pos = end;
            token = "num";
            return;
        }
        if (c == '_' || Character.isLetter(c)) {
            int end = pos;
            while (end < expr.length() && (expr.charAt(end) == '_' || Character.isLetterOrDigit(expr.charAt(end)))) end++;
            name = expr.substring(pos, end);
            pos = end;
            token = "name";
            return;
        }
        for (String op : OPERATORS) {
            if (expr.startsWith(op, pos)) {
                pos += op.length();
                token = op;
                return;
            }
        }
        throw error("syntax error: invalid arithmetic operator");
    }

    /** A constant: decimal, 0octal, 0xhex or BASE#DIGITS (bases 2 to 64, digits 0-9 a-z A-Z @ _). */
    private long parseNumber(String s) {
        int base = 10;
        String digits = s;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            try {
                base = Integer.parseInt(s.substring(0, hash));
            } catch (NumberFormatException e) {
                base = 0;
            }
            if (base < 2 || base > 64) throw error("invalid arithmetic base");
            digits = s.substring(hash + 1);
        } else if (s.startsWith("0x") || s.startsWith("0X")) {
            base = 16;
            digits = s.substring(2);
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            base = 8;
            digits = s.substring(1);
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'Z') d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
            else if (c == '@') d = 62;
            else if (c == '_') d = 63;
            else d = Integer.MAX_VALUE;
            if (d >= base) throw error("value too great for base");
            v = v * base + d;
        }
        return v;
    }

    /** One level deeper into the expression; bash's error past {@link #MAX_DEPTH}. */
    private void descend() {
        if (++nesting > MAX_DEPTH) throw new Error(expr + ": expression recursion level exceeded");
    }

    private long comma() {
        descend();
        try {
            return commaList();
        } finally {
            nesting--;
        }
    }

    private long commaList() {
        long v = assignment();
        while (token.equals(",")) {
            next();
            v = assignment();
        }
        return v;
    }

    private long assignment() {
        if (token.equals("name")) {
            // Look past the name for an assignment operator; otherwise read it as an operand.
            int save = pos;
            int saveStart = tokenStart;
            String target = name;
            next();
            String op = token;
            if (op.equals("=") || op.length() >= 2 && op.endsWith("=") && !op.equals("==") && !op.equals("!=")
                    && !op.equals("<=") && !op.equals(">=")) {
                next();
                descend();
                long rhs;
                try {
                    rhs = assignment();
                } finally {
                    nesting--;
                }
                long v = op.equals("=") ? rhs : binary(op.substring(0, op.length() - 1), variable(target), rhs);
                assign(target, v);
                return v;
            }
            pos = save;
            tokenStart = saveStart;
            token = "name";
            name = target;
        }
        long v = conditional();
        if (token.equals("=") || token.length() >= 2 && token.endsWith("=") && !token.equals("==")
                && !token.equals("!=") && !token.equals("<=") && !token.equals(">=")) {
            throw error("attempted assignment to non-variable");
        }
        return v;
    }

    private long conditional() {
        long c = binaryLevel(0);
        if (!token.equals("?")) return c;
        next();
        if (c == 0) skipping++;
        long a = comma();
        if (c == 0) skipping--;
        if (!token.equals(":")) throw error("`:' expected for conditional expression");
        next();
        if (c != 0) skipping++;
        descend();
        long b;
        try {
            b = conditional();
        } finally {
            nesting--;
            if (c != 0) skipping--;
        }
        return c != 0 ? a : b;
    }

    /** The binary operators from loosest to tightest; all associate to the left. */
    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"}};

    private long binaryLevel(int level) {
        if (level == LEVELS.length) return power();
        long v = binaryLevel(level + 1);
        while (contains(LEVELS[level], token)) {
            String op = token;
            next();
            boolean shortCircuit = op.equals("&&") && v == 0 || op.equals("||") && v != 0;
            if (shortCircuit) skipping++;
            long rhs = binaryLevel(level + 1);
            if (shortCircuit) skipping--;
            v = binary(op, v, rhs);
        }
        return v;
    }

    private static boolean contains(String[] ops, String t) {
        for (String op : ops) if (op.equals(t)) return true;
        return false;
    }

    /** {@code **} binds tighter than the binary operators and looser than the unary ones, to the right. */
    private long power() {
        long base = unary();
        if (!token.equals("**")) return base;
        next();
        descend();
        long exp;
        try {
            exp = power();
        } finally {
            nesting--;
        }
        if (exp < 0 && skipping == 0) throw error("exponent less than 0");
        long v = 1;
        for (long e = exp; e > 0; e >>= 1) { // by squaring: a huge exponent must not take for ever
            if ((e & 1) != 0) v *= base;
            base *= base;
        }
        return v;
    }

    private long unary() {
        descend();
        try {
            return unaryOperand();
        } finally {
            nesting--;
        }
    }

    private long unaryOperand() {
        switch (token) {
            case "+" -> {
                next();
                return unary();
            }
            case "-" -> {
                next();
                return -unary();
            }
            case "!" -> {
                next();
                return unary() == 0 ? 1 : 0;
            }
            case "~" -> {
                next();
                return ~unary();
            }
            case "++", "--" -> {
                String op = token;
                next();
                if (!token.equals("name")) throw error("syntax error: operand expected");
                String target = name;
                next();
                long v = variable(target) + (op.equals("++") ? 1 : -1);
                assign(target, v);
                return v;
            }
            default -> {
                return postfix();
            }
        }
    }

    private long postfix() {
        if (token.equals("num")) {
            long v = number;
            next();
            return v;
        }
        if (token.equals("name")) {
            String target = name;
            next();
            long v = variable(target);
            if (token.equals("++") || token.equals("--")) {
                assign(target, v + (token.equals("++") ? 1 : -1));
                next();
            }
            return v;
        }
        if (token.equals("(")) {
            next();
            long v = comma();
            if (!token.equals(")")) throw error("missing `)'");
            next();
            return v;
        }
        throw error("syntax error: operand expected");
    }

    private long binary(String op, long a, long b) {
        return switch (op) {
            case "||" -> a != 0 || b != 0 ? 1 : 0;
            case "&&" -> a != 0 && b != 0 ? 1 : 0;
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "&" -> a & b;
            case "==" -> a == b ? 1 : 0;
            case "!=" -> a != b ? 1 : 0;
            case "<" -> a < b ? 1 : 0;
            case "<=" -> a <= b ? 1 : 0;
            case ">" -> a > b ? 1 : 0;
            case ">=" -> a >= b ? 1 : 0;
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) {
                    if (skipping > 0) yield 0;
                    throw error("division by 0");
                }
                yield op.equals("/") ? a / b : a % b;
            }
            default -> throw error("syntax error: invalid arithmetic operator");
        };
    }

    /** A variable's value as a number: its text evaluated as an expression; unset or empty is 0. */
    private long variable(String n) {
        String value = scope.get(n);
        if (value == null || value.isBlank()) return 0;
        return evaluate(value, scope, depth + 1);
    }

    private void assign(String n, long v) {
        if (skipping == 0) scope.set(n, Long.toString(v));
    }
}
