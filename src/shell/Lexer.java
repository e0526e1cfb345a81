package shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import shell.Token.Kind;

/**
 * Splits shell text into tokens, on demand, as POSIX's token recognition does: words with
 * single quotes (everything literal), double quotes ($ and ` expand, backslash escapes
 * $ ` " \ and newline) and backslash escapes; the operators {@code | || & && ; ;; ( )} and
 * newline; redirections {@code < > >> N< N> N>> N>&M << <<-}; {@code #} comments; and
 * inside words the expansions {@code $NAME ${NAME} ${NAME:-WORD} ${#NAME} $? $$ $! $# $@ $*},
 * {@code $(...)}, {@code `...`} and {@code $((...))}.
 *
 * <p>The lexer is driven by the {@link Parser}, one token at a time, because a command
 * substitution is parsed where it stands: at {@code $(} the lexer hands itself to a nested
 * parser, which reads the commands up to the matching {@code )}. Here-document bodies are
 * read when the lexer reaches the end of the line of their operator. Text that stops in
 * the middle of a quote, a substitution or a here-document raises {@link SyntaxError.Incomplete}.
 */
final class Lexer {
    final String text;
    private int pos;
    private int lineCountedTo;
    private int lineCount = 1;
    private final ArrayDeque<Token.HereDoc> pendingHereDocs = new ArrayDeque<>();
    /**
     * How deep the commands being read are nested (compound commands, substitutions), shared
     * with the parsers reading this text; past {@link #MAX_NESTING} the text is refused, so
     * that no input can exhaust the Java stack.
     */
    private int nesting;
    static final int MAX_NESTING = 100;

    Lexer(String text) {
        this(text, 0);
    }

    /** A lexer for text found inside something already {@code nesting} levels deep (a backquoted substitution). */
    private Lexer(String text, int nesting) {
        this.text = text;
        this.nesting = nesting;
    }

    /** Enters one more level of nesting; a SyntaxError past {@link #MAX_NESTING}. */
    void enter(int offset) throws SyntaxError {
        if (++nesting > MAX_NESTING) {
            throw new SyntaxError("syntax error: commands nested more than " + MAX_NESTING + " levels deep", lineAt(offset));
        }
    }

    /** Leaves a level entered with {@link #enter}. */
    void leave() {
        nesting--;
    }

    /** The line (from 1) that offset {@code offset} is on; offsets are asked for in increasing order, mostly. */
    int lineAt(int offset) {
        if (offset < lineCountedTo) {
            lineCountedTo = 0;
            lineCount = 1;
        }
        for (; lineCountedTo < offset && lineCountedTo < text.length(); lineCountedTo++) {
            if (text.charAt(lineCountedTo) == '\n') lineCount++;
        }
        return lineCount;
    }

    /** The next token; END at the end of the text. */
    Token next() throws SyntaxError {
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == '#') {
            while (pos < text.length() && text.charAt(pos) != '\n') pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            if (!pendingHereDocs.isEmpty()) throw new SyntaxError.Incomplete(lineAt(pos));
            return token(Kind.END, null, -1, start);
        }
        char c = text.charAt(pos);
        if (c == '\n') {
            pos++;
            Token t = token(Kind.NEWLINE, null, -1, start);
            readHereDocs();
            return t;
        }
        if (c == ';') return op(text.startsWith(";;", pos) ? Kind.DSEMI : Kind.SEMI, start);
        if (c == '|') return op(text.startsWith("||", pos) ? Kind.OR_IF : Kind.PIPE, start);
        if (c == '&') return op(text.startsWith("&&", pos) ? Kind.AND_IF : Kind.AMP, start);
        if (c == '(') return op(Kind.LPAREN, start);
        if (c == ')') return op(Kind.RPAREN, start);
        if (c == '<' || c == '>') return redirection(-1, start);
        // A word made only of digits right before < or > is the descriptor of a redirection.
        int digits = pos;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) digits++;
        if (digits > pos && digits < text.length() && (text.charAt(digits) == '<' || text.charAt(digits) == '>')) {
            int fd;
            try {
                fd = Integer.parseInt(text.substring(pos, digits));
            } catch (NumberFormatException e) {
                throw new SyntaxError("syntax error: bad file descriptor " + text.substring(pos, digits), lineAt(pos));
            }
            pos = digits;
            return redirection(fd, start);
        }
        return token(Kind.WORD, word(), -1, start);
    }

    private Token token(Kind kind, Word word, int fd, int start) {
        return new Token(kind, word, fd, start, pos, lineAt(start), null);
    }

    private Token op(Kind kind, int start) {
        pos += kind.spelling.length();
        return token(kind, null, -1, start);
    }

    /** Blanks and backslash-newline pairs (a line continued), which separate tokens. */
    private void skipBlanks() throws SyntaxError {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') pos++;
            else if (c == '\\' && text.startsWith("\n", pos + 1)) continuedLine();
            else break;
        }
    }

    /** At a backslash before a newline: both go; at the end of the text, the next line is needed. */
    private void continuedLine() throws SyntaxError {
        if (pos + 2 >= text.length()) throw new SyntaxError.Incomplete(lineAt(pos));
        pos += 2;
    }

    /** At '<' or '>': a redirection for descriptor {@code fd} (-1: the default one). */
    private Token redirection(int fd, int start) throws SyntaxError {
        Kind kind;
        if (text.startsWith("<<", pos)) {
            boolean strip = text.startsWith("<<-", pos);
            pos += strip ? 3 : 2;
            skipBlanks();
            int wordStart = pos;
            if (pos >= text.length() || " \t\n;|&<>()".indexOf(text.charAt(pos)) >= 0) {
                Token bad = next();
                throw new SyntaxError("syntax error near unexpected token `" + bad.spelling() + "'", bad.line());
            }
            Word delimiter = word();
            String raw = text.substring(wordStart, pos);
            boolean quoted = raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
            String name = delimiter.literalText() != null ? delimiter.literalText() : raw;
            Token.HereDoc doc = new Token.HereDoc(name, strip, quoted);
            pendingHereDocs.add(doc);
            return new Token(Kind.HEREDOC, delimiter, fd >= 0 ? fd : 0, start, pos, lineAt(start), doc);
        }
        if (text.charAt(pos) == '<') {
            kind = Kind.IN;
            pos++;
        } else if (text.startsWith(">>", pos)) {
            kind = Kind.APPEND;
            pos += 2;
        } else if (text.startsWith(">&", pos)) {
            kind = Kind.DUP;
            pos += 2;
        } else {
            kind = Kind.OUT;
            pos++;
        }
        int target = fd >= 0 ? fd : kind == Kind.IN ? 0 : 1;
        return token(kind, null, target, start);
    }

    /** After a newline: the bodies of the here-documents opened on the line just ended, in order. */
    private void readHereDocs() throws SyntaxError {
        while (!pendingHereDocs.isEmpty()) {
            Token.HereDoc doc = pendingHereDocs.peek();
            StringBuilder body = new StringBuilder();
            while (true) {
                if (pos >= text.length()) throw new SyntaxError.Incomplete(lineAt(pos));
                int nl = text.indexOf('\n', pos);
                int end = nl < 0 ? text.length() : nl;
                String line = text.substring(pos, end);
                if (doc.stripTabs) line = line.replaceFirst("^\t+", "");
                pos = nl < 0 ? text.length() : nl + 1;
                if (line.equals(doc.delimiter)) break;
                body.append(line).append('\n');
            }
            doc.body = doc.literal ? new Word(List.of(new Word.Literal(body.toString(), true)), body.toString())
                    : expandable(body.toString(), nesting);
            pendingHereDocs.remove();
        }
    }

    /**
     * {@code s} read as the inside of double quotes without the quotes, as a here-document's
     * body and an arithmetic expression are: $ and ` expand, a backslash escapes only $ ` \
     * and newline, everything else (double quotes too) is literal.
     */
    static Word expandable(String s, int nesting) throws SyntaxError {
        Lexer lx = new Lexer(s, nesting);
        Pieces p = new Pieces();
        while (lx.pos < s.length()) {
            char c = s.charAt(lx.pos);
            if (c == '\\' && lx.pos + 1 < s.length() && "$`\\\n".indexOf(s.charAt(lx.pos + 1)) >= 0) {
                if (s.charAt(lx.pos + 1) != '\n') p.add(s.charAt(lx.pos + 1), true);
                lx.pos += 2;
            } else if (c == '$') {
                lx.dollar(p, true);
            } else if (c == '`') {
                lx.backquote(p, true);
            } else {
                p.add(c, true);
                lx.pos++;
            }
        }
        return p.word(s);
    }

    /** The pieces of a word being read: literal text, split where its quoting changes, and expansions. */
    private static final class Pieces {
        final List<Word.Part> parts = new ArrayList<>();
        final StringBuilder lit = new StringBuilder();
        boolean litQuoted;

        void add(char c, boolean quoted) {
            if (quoted != litQuoted) flush();
            litQuoted = quoted;
            lit.append(c);
        }

        /** An empty quoted piece, so that '' and "" still make a word. */
        void addEmptyQuoted() {
            flush();
            parts.add(new Word.Literal("", true));
        }

        void add(Word.Part part) {
            flush();
            parts.add(part);
        }

        void flush() {
            if (lit.length() > 0) {
                parts.add(new Word.Literal(lit.toString(), litQuoted));
                lit.setLength(0);
            }
        }

        Word word(String text) {
            flush();
            return new Word(List.copyOf(parts), text);
        }
    }

    private Word word() throws SyntaxError {
        int start = pos;
        Pieces p = new Pieces();
        if (text.startsWith("~", pos) && (pos + 1 >= text.length() || " \t\n;|&<>()/".indexOf(text.charAt(pos + 1)) >= 0)) {
            pos++; // tilde expansion: ~ alone or before '/' is $HOME, as one field
            p.add(new Word.Variable("HOME", null, null, true));
        }
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (" \t\n;|&<>()".indexOf(c) >= 0) break;
            if (c == '\'') {
                int close = text.indexOf('\'', pos + 1);
                if (close < 0) throw new SyntaxError.Incomplete(lineAt(pos));
                if (close == pos + 1) p.addEmptyQuoted();
                for (int i = pos + 1; i < close; i++) p.add(text.charAt(i), true);
                pos = close + 1;
            } else if (c == '"') {
                pos++;
                doubleQuoted(p);
            } else if (c == '\\') {
                if (pos + 1 >= text.length()) {
                    pos++;
                } else if (text.charAt(pos + 1) == '\n') {
                    continuedLine(); // inside a word
                } else {
                    p.add(text.charAt(pos + 1), true);
                    pos += 2;
                }
            } else if (c == '$') {
                dollar(p, false);
            } else if (c == '`') {
                backquote(p, false);
            } else {
                p.add(c, false);
                pos++;
            }
        }
        return p.word(text.substring(start, pos));
    }

    /** After an opening '"': up to and past the closing one. */
    private void doubleQuoted(Pieces p) throws SyntaxError {
        int open = pos - 1;
        boolean empty = true;
        while (true) {
            if (pos >= text.length()) throw new SyntaxError.Incomplete(lineAt(open));
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                if (empty) p.addEmptyQuoted();
                return;
            }
            empty = false;
            if (c == '\\' && pos + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(pos + 1)) >= 0) {
                if (text.charAt(pos + 1) != '\n') p.add(text.charAt(pos + 1), true);
                pos += 2;
            } else if (c == '$') {
                dollar(p, true);
            } else if (c == '`') {
                backquote(p, true);
            } else {
                p.add(c, true);
                pos++;
            }
        }
    }

    /** At '$': an expansion, or a literal '$' if none follows. */
    private void dollar(Pieces p, boolean quoted) throws SyntaxError {
        int at = pos;
        pos++;
        if (pos >= text.length()) {
            p.add('$', quoted);
            return;
        }
        char c = text.charAt(pos);
        if (text.startsWith("((", pos)) {
            pos += 2;
            int end = arithmeticEnd(at);
            enter(at);
            Word expr = expandable(text.substring(at + 3, end), nesting);
            leave();
            pos = end + 2;
            p.add(new Word.Arithmetic(expr, quoted));
        } else if (c == '(') {
            pos++;
            enter(at);
            Parser nested = new Parser(this);
            p.add(new Word.CommandSubstitution(nested.substitution(), quoted));
            leave();
        } else if (c == '{') {
            p.add(braced(at, quoted));
        } else if ("?$!#@*-".indexOf(c) >= 0 || Character.isDigit(c)) {
            pos++;
            p.add(new Word.Variable(String.valueOf(c), null, null, quoted));
        } else if (c == '_' || isAsciiLetter(c)) {
            int end = pos;
            while (end < text.length() && (text.charAt(end) == '_' || isAsciiLetter(text.charAt(end))
                    || Character.isDigit(text.charAt(end)))) end++;
            p.add(new Word.Variable(text.substring(pos, end), null, null, quoted));
            pos = end;
        } else {
            p.add('$', quoted);
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** After "$((": the offset of the "))" that closes it, counting the parentheses in between. */
    private int arithmeticEnd(int at) throws SyntaxError {
        int depth = 0;
        for (int i = pos; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (c == ')' && text.startsWith("))", i)) return i;
            else if (c == ')') throw new SyntaxError("syntax error near unexpected token `)'", lineAt(i));
        }
        throw new SyntaxError.Incomplete(lineAt(at));
    }

    /** At "${": {@code ${NAME}}, {@code ${#NAME}} or {@code ${NAME OP WORD}}. */
    private Word.Variable braced(int at, boolean quoted) throws SyntaxError {
        int close = closingBrace(at);
        String inside = text.substring(at + 2, close);
        Word.Variable v = null;
        if (inside.startsWith("#") && isParameter(inside.substring(1))) {
            v = new Word.Variable(inside.substring(1), "length", null, quoted);
        } else {
            int n = 0;
            while (n < inside.length() && (inside.charAt(n) == '_' || isAsciiLetter(inside.charAt(n))
                    || n > 0 && Character.isDigit(inside.charAt(n)))) n++;
            if (n == 0 && !inside.isEmpty() && ("?$!#@*-".indexOf(inside.charAt(0)) >= 0 || Character.isDigit(inside.charAt(0)))) {
                n = 1;
                while (Character.isDigit(inside.charAt(0)) && n < inside.length() && Character.isDigit(inside.charAt(n))) n++;
            }
            String name = inside.substring(0, n);
            String rest = inside.substring(n);
            if (n > 0 && rest.isEmpty()) {
                v = new Word.Variable(name, null, null, quoted);
            } else if (n > 0) {
                boolean twoChars = rest.length() > 1 && (rest.charAt(0) == ':' || rest.startsWith("##") || rest.startsWith("%%"));
                String op = rest.substring(0, twoChars ? 2 : 1);
                boolean pattern = op.startsWith("#") || op.startsWith("%");
                if (pattern || List.of("-", ":-", "=", ":=", "+", ":+", "?", ":?").contains(op)) {
                    String arg = rest.substring(op.length());
                    // A pattern's characters stay patterns inside double quotes, unless quoted in it.
                    enter(at);
                    Word argWord = quoted && !pattern ? expandable(arg, nesting) : new Lexer(arg, nesting).wordInBraces();
                    leave();
                    v = new Word.Variable(name, op, argWord, quoted);
                }
            }
        }
        if (v == null) throw new SyntaxError("${" + inside + "}: bad substitution", lineAt(at));
        pos = close + 1;
        return v;
    }

    private static boolean isParameter(String s) {
        return Variables.isName(s) || s.matches("[?$!#@*-]|[0-9]+");
    }

    /** The offset of the '}' that closes the "${" at {@code at}, past quotes and nested braces. */
    private int closingBrace(int at) throws SyntaxError {
        int depth = 0;
        for (int i = at + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') i++;
            else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) break;
                i = close;
            } else if (c == '{') depth++;
            else if (c == '}' && depth-- == 0) return i;
        }
        throw new SyntaxError.Incomplete(lineAt(at));
    }

    /** The whole text as the WORD of {@code ${NAME:-WORD}} outside double quotes: blanks are kept. */
    private Word wordInBraces() throws SyntaxError {
        Pieces p = new Pieces();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'') {
                int close = text.indexOf('\'', pos + 1);
                if (close < 0) throw new SyntaxError.Incomplete(1);
                if (close == pos + 1) p.addEmptyQuoted();
                for (int i = pos + 1; i < close; i++) p.add(text.charAt(i), true);
                pos = close + 1;
            } else if (c == '"') {
                pos++;
                doubleQuoted(p);
            } else if (c == '\\' && pos + 1 < text.length()) {
                p.add(text.charAt(pos + 1), true);
                pos += 2;
            } else if (c == '$') {
                dollar(p, false);
            } else if (c == '`') {
                backquote(p, false);
            } else {
                p.add(c, false);
                pos++;
            }
        }
        return p.word(text);
    }

    /**
     * At '`': the old form of command substitution. Inside, a backslash escapes only $ ` and
     * \ (then the text is parsed as commands); the closing '`' is the first unescaped one.
     */
    private void backquote(Pieces p, boolean quoted) throws SyntaxError {
        int open = pos++;
        StringBuilder inner = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw new SyntaxError.Incomplete(lineAt(open));
            char c = text.charAt(pos);
            if (c == '`') break;
            if (c == '\\' && pos + 1 < text.length() && "$`\\".indexOf(text.charAt(pos + 1)) >= 0) {
                inner.append(text.charAt(pos + 1));
                pos += 2;
            } else {
                inner.append(c);
                pos++;
            }
        }
        pos++;
        Parser nested = new Parser(new Lexer(inner.toString(), nesting + 1));
        if (nesting + 1 > MAX_NESTING) enter(open);
        p.add(new Word.CommandSubstitution(nested.wholeText(lineAt(open) - 1), quoted));
    }
}
