package shell;

import java.util.ArrayList;
import java.util.List;
import shell.Token.Kind;

/**
 * Splits a command line into tokens, as the POSIX shell's token recognition does for the
 * subset Clonix speaks: words with single quotes (everything literal), double quotes ($
 * expands, backslash escapes $ ` " \ and newline) and backslash escapes; the operators
 * {@code | || & && ;}; redirections {@code < > >> N< N> N>> N>&M}; {@code #} comments;
 * variables {@code $NAME ${NAME} $? $$ $!}.
 */
final class Lexer {
    private final String line;
    private int pos;

    private Lexer(String line) {
        this.line = line;
    }

    /** The tokens of {@code line}, ending with an END token; SyntaxError for an unterminated quote. */
    static List<Token> tokenize(String line) throws SyntaxError {
        Lexer lx = new Lexer(line);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            tokens.add(t);
        } while (t.kind() != Kind.END);
        return tokens;
    }

    private Token next() throws SyntaxError {
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) pos++;
        if (pos < line.length() && line.charAt(pos) == '#') pos = line.length();
        int start = pos;
        if (pos >= line.length()) return new Token(Kind.END, null, -1, start, start);
        char c = line.charAt(pos);
        if (c == '\n' || c == ';') return op(Kind.SEMI, 1, -1);
        if (c == '|') return line.startsWith("||", pos) ? op(Kind.OR_IF, 2, -1) : op(Kind.PIPE, 1, -1);
        if (c == '&') return line.startsWith("&&", pos) ? op(Kind.AND_IF, 2, -1) : op(Kind.AMP, 1, -1);
        if (c == '<' || c == '>') return redirection(-1, start);
        // A word made only of digits right before < or > is the descriptor of a redirection.
        int digits = pos;
        while (digits < line.length() && Character.isDigit(line.charAt(digits))) digits++;
        if (digits > pos && digits < line.length() && (line.charAt(digits) == '<' || line.charAt(digits) == '>')) {
            int fd;
            try {
                fd = Integer.parseInt(line.substring(pos, digits));
            } catch (NumberFormatException e) {
                throw new SyntaxError("syntax error: bad file descriptor " + line.substring(pos, digits));
            }
            pos = digits;
            return redirection(fd, start);
        }
        return word(start);
    }

    private Token op(Kind kind, int length, int fd) {
        int start = pos;
        pos += length;
        return new Token(kind, null, fd, start, pos);
    }

    /** At '<' or '>': IN, OUT, APPEND or DUP, for descriptor {@code fd} (-1: the default one). */
    private Token redirection(int fd, int start) {
        Kind kind;
        if (line.charAt(pos) == '<') {
            kind = Kind.IN;
            pos++;
        } else if (line.startsWith(">>", pos)) {
            kind = Kind.APPEND;
            pos += 2;
        } else if (line.startsWith(">&", pos)) {
            kind = Kind.DUP;
            pos += 2;
        } else {
            kind = Kind.OUT;
            pos++;
        }
        int target = fd >= 0 ? fd : kind == Kind.IN ? 0 : 1;
        return new Token(kind, null, target, start, pos);
    }

    private Token word(int start) throws SyntaxError {
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (" \t\n;|&<>".indexOf(c) >= 0) break;
            if (c == '\'') {
                int close = line.indexOf('\'', pos + 1);
                if (close < 0) throw new SyntaxError("syntax error: unterminated quoted string");
                lit.append(line, pos + 1, close);
                pos = close + 1;
            } else if (c == '"') {
                pos++;
                doubleQuoted(parts, lit);
            } else if (c == '\\') {
                if (pos + 1 < line.length()) lit.append(line.charAt(pos + 1));
                pos += 2;
            } else if (c == '$') {
                variable(parts, lit);
            } else {
                lit.append(c);
                pos++;
            }
        }
        flush(parts, lit);
        pos = Math.min(pos, line.length());
        return new Token(Kind.WORD, new Word(List.copyOf(parts), line.substring(start, pos)), -1, start, pos);
    }

    /** After an opening '"': up to and past the closing one. */
    private void doubleQuoted(List<Word.Part> parts, StringBuilder lit) throws SyntaxError {
        while (true) {
            if (pos >= line.length()) throw new SyntaxError("syntax error: unterminated quoted string");
            char c = line.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\' && pos + 1 < line.length() && "$`\"\\\n".indexOf(line.charAt(pos + 1)) >= 0) {
                lit.append(line.charAt(pos + 1));
                pos += 2;
            } else if (c == '$') {
                variable(parts, lit);
            } else {
                lit.append(c);
                pos++;
            }
        }
    }

    /** At '$': a variable reference, or a literal '$' if no name follows. */
    private void variable(List<Word.Part> parts, StringBuilder lit) throws SyntaxError {
        pos++;
        String name = null;
        if (pos < line.length()) {
            char c = line.charAt(pos);
            if (c == '?' || c == '$' || c == '!' || Character.isDigit(c)) {
                name = String.valueOf(c);
                pos++;
            } else if (c == '{') {
                int close = line.indexOf('}', pos);
                if (close < 0) throw new SyntaxError("syntax error: missing '}'");
                name = line.substring(pos + 1, close);
                if (!Variables.isName(name) && !name.matches("[?$!]|[0-9]+")) {
                    throw new SyntaxError("${" + name + "}: bad substitution");
                }
                pos = close + 1;
            } else if (c == '_' || Character.isLetter(c)) {
                int end = pos;
                while (end < line.length() && (line.charAt(end) == '_' || Character.isLetterOrDigit(line.charAt(end)))) end++;
                name = line.substring(pos, end);
                pos = end;
            }
        }
        if (name == null) {
            lit.append('$');
            return;
        }
        flush(parts, lit);
        parts.add(new Word.Variable(name));
    }

    private static void flush(List<Word.Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Word.Literal(lit.toString()));
            lit.setLength(0);
        }
    }
}
