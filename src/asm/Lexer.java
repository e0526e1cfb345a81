package asm;

import diag.Diagnostics;
import diag.SourceFile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 1: splits the source into lines of tokens.
 *
 * <p>Assembly is line-oriented, so the result is one token list per source line (index 0 is
 * line 1), each ending with an EOL token. Comments ({@code #} and {@code //} to the end of
 * the line, {@code /* ... *}{@code /} possibly over several lines) vanish here. A line with a
 * lexical mistake is reported and then left empty, so that later stages do not report the
 * same line again.
 */
final class Lexer {
    private final SourceFile file;
    private final Diagnostics diags;
    private final String s;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Finished lines; index i holds line i + 1. */
    private final List<List<Token>> lines = new ArrayList<>();
    /** Tokens of the line being lexed. */
    private List<Token> cur = new ArrayList<>();

    private Lexer(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.diags = diags;
        this.s = file.text();
    }

    /** Tokenises {@code file}, reporting lexical errors to {@code diags}. */
    static List<List<Token>> lex(SourceFile file, Diagnostics diags) {
        return new Lexer(file, diags).run();
    }

    private List<List<Token>> run() {
        while (true) {
            try {
                lexLine();
            } catch (AsmError e) {
                diags.error(file, e.line, e.col, e.getMessage());
                // Drop the line's tokens so that the parser does not complain about it again.
                cur = new ArrayList<>();
                skipRestOfLine();
            }
            if (pos >= s.length()) break;
            newLine();
        }
        endLine();
        return lines;
    }

    /** Finishes the current line's token list and starts the next one. */
    private void endLine() {
        cur.add(new Token(Token.Kind.EOL, "", 0, null, line, col()));
        lines.add(cur);
        cur = new ArrayList<>();
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private void skipRestOfLine() {
        while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') pos++;
    }

    /** Ends the current line and steps over the terminator at {@code pos}: "\n", "\r\n" or "\r". */
    private void newLine() {
        endLine();
        if (s.charAt(pos) == '\r' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') pos++;
        pos++;
        line++;
        lineStart = pos;
    }

    private static boolean isEol(char c) {
        return c == '\n' || c == '\r';
    }

    /** As in GNU as, a symbol may hold non-ASCII characters: C identifiers written in UTF-8. */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '$' || c >= 0x80;
    }

    static boolean isIdentChar(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    /**
     * Lexes tokens up to the end of the current line into {@code cur}, leaving {@code pos} on
     * the line terminator or at the end of the text.
     */
    private void lexLine() {
        List<Token> out = cur;
        while (true) {
            if (pos >= s.length()) return;
            char c = s.charAt(pos);
            if (isEol(c)) return;
            if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
                pos++;
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                skipRestOfLine();
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
                out = cur;
            } else if (isIdentStart(c) || (c == '@' && isIdentStart(peek(1)))) {
                int start = pos++;
                while (pos < s.length() && isIdentChar(s.charAt(pos))) pos++;
                out.add(new Token(Token.Kind.IDENT, s.substring(start, pos), 0, null, line, start - lineStart + 1));
            } else if (c >= '0' && c <= '9') {
                out.add(number());
            } else if (c == '"') {
                out.add(string());
            } else if (c == '\'') {
                out.add(character());
            } else if ((c == '<' && peek(1) == '<') || (c == '>' && peek(1) == '>')) {
                out.add(new Token(Token.Kind.PUNCT, s.substring(pos, pos + 2), 0, null, line, col()));
                pos += 2;
            } else if (",:()=+-*/%&|^~".indexOf(c) >= 0) {
                out.add(new Token(Token.Kind.PUNCT, String.valueOf(c), 0, null, line, col()));
                pos++;
            } else {
                throw new AsmError(line, col(), "unexpected character " + quoteChar(s.codePointAt(pos)));
            }
        }
    }

    private char peek(int k) {
        return pos + k < s.length() ? s.charAt(pos + k) : '\0';
    }

    private static String quoteChar(int cp) {
        if (cp >= 0x20 && cp < 0x7f) return "'" + (char) cp + "'";
        return String.format("U+%04X", cp);
    }

    /** Skips a block comment, which may run over several lines; line numbers follow along. */
    private void blockComment() {
        int startLine = line, startCol = col();
        pos += 2;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '*' && peek(1) == '/') {
                pos += 2;
                return;
            }
            if (isEol(c)) {
                // A comment spanning lines ends the statement on its first line, and the
                // lines inside it are empty, so that list index and line number stay in step.
                newLine();
            } else {
                pos++;
            }
        }
        throw new AsmError(startLine, startCol, "unterminated /* comment");
    }

    /**
     * An integer literal: decimal, 0x hex, 0o or leading-0 octal, 0b binary. The value is
     * read as 64 unsigned bits, so 0xffffffffffffffff is -1; anything larger is an error.
     */
    private Token number() {
        int start = pos, col = col();
        while (pos < s.length() && isIdentChar(s.charAt(pos)) && s.charAt(pos) != '.') pos++;
        String text = s.substring(start, pos);
        String digits = text;
        int radix = 10;
        String lower = text.toLowerCase();
        if (lower.startsWith("0x")) { radix = 16; digits = text.substring(2); }
        else if (lower.startsWith("0o")) { radix = 8; digits = text.substring(2); }
        else if (lower.startsWith("0b")) { radix = 2; digits = text.substring(2); }
        else if (text.length() > 1 && text.charAt(0) == '0') { radix = 8; digits = text.substring(1); }
        if (digits.isEmpty()) throw new AsmError(line, col, "invalid number '" + text + "': no digits");
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                String kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : radix == 2 ? "binary" : "decimal";
                throw new AsmError(line, col, "invalid digit '" + digits.charAt(i) + "' in " + kind + " number '" + text + "'");
            }
        }
        try {
            long v = Long.parseUnsignedLong(digits, radix);
            return new Token(Token.Kind.NUMBER, text, v, null, line, col);
        } catch (NumberFormatException e) {
            throw new AsmError(line, col, "number '" + text + "' does not fit in 64 bits");
        }
    }

    private Token string() {
        int col = col();
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= s.length() || isEol(s.charAt(pos))) throw new AsmError(line, col, "unterminated string");
            char c = s.charAt(pos);
            if (c == '"') break;
            if (c == '\\') {
                out.write(escape());
            } else {
                int cp = s.codePointAt(pos);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                pos += Character.charCount(cp);
            }
        }
        pos++;
        String text = s.substring(lineStart + col - 1, pos);
        return new Token(Token.Kind.STRING, text, 0, out.toByteArray(), line, col);
    }

    /** A character literal such as 'a' or '\n'; its value is the character's code (0..255). */
    private Token character() {
        int col = col();
        pos++;
        if (pos >= s.length() || isEol(s.charAt(pos))) throw new AsmError(line, col, "unterminated character literal");
        int v;
        if (s.charAt(pos) == '\\') {
            v = escape();
        } else {
            v = s.codePointAt(pos);
            if (v > 0xff) throw new AsmError(line, col, "character literal does not fit in a byte");
            pos++;
        }
        if (pos >= s.length() || s.charAt(pos) != '\'') {
            if (pos < s.length() && !isEol(s.charAt(pos)) && s.indexOf('\'', pos) >= 0) {
                throw new AsmError(line, col, "character literal must hold exactly one character");
            }
            throw new AsmError(line, col, "unterminated character literal");
        }
        pos++;
        return new Token(Token.Kind.NUMBER, s.substring(lineStart + col - 1, pos), v, null, line, col);
    }

    /** Decodes the escape sequence at {@code pos} (on the backslash) into one byte value. */
    private int escape() {
        int col = col();
        pos++;
        if (pos >= s.length() || isEol(s.charAt(pos))) throw new AsmError(line, col, "unterminated escape sequence");
        char c = s.charAt(pos++);
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'a': return 7;
            case 'b': return '\b';
            case 'f': return '\f';
            case 'v': return 0x0B;
            case 'e': return 0x1B;
            case '\\': return '\\';
            case '"': return '"';
            case '\'': return '\'';
            case 'x': {
                int v = 0, n = 0;
                while (n < 2 && pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) {
                    v = v * 16 + Character.digit(s.charAt(pos++), 16);
                    n++;
                }
                if (n == 0) throw new AsmError(line, col, "\\x used with no following hex digits");
                return v;
            }
            default:
                if (c >= '0' && c <= '7') {
                    // Up to three octal digits, as in C: \0, \12, \177.
                    int v = c - '0', n = 1;
                    while (n < 3 && pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '7') {
                        v = v * 8 + (s.charAt(pos++) - '0');
                        n++;
                    }
                    if (v > 0xff) throw new AsmError(line, col, "octal escape sequence out of range");
                    return v;
                }
                throw new AsmError(line, col, "unknown escape sequence '\\" + c + "'");
        }
    }
}
