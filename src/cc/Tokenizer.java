package cc;

import diag.CompileException;
import diag.Diagnostic;
import diag.Diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * The C tokenizer: translation phases 1 to 3 (C11 5.1.1.2) for one source file.
 *
 * <p>Phases 1 and 2 happen first, in {@link #splice}: line ends ("\n", "\r\n", "\r") become
 * "\n" and every backslash-newline is deleted, remembering where each remaining character
 * stood in the original text so that diagnostics still point at the real line and column.
 * Phase 3 then cuts the text into tokens: comments and white space only set
 * {@link Token#spaceBefore}, and a newline sets {@link Token#atLineStart} on the next token,
 * which is how the preprocessor recognises directive lines.
 *
 * <p>Numbers are read as preprocessing numbers (C11 6.4.8) and then converted by
 * {@link IntegerLiteral}; character constants and string literals are decoded by
 * {@link Escapes} and {@link StringLiteral}, with any of the prefixes {@code L u U} (and
 * {@code u8} on strings). Identifiers may hold any non-ASCII character, written in UTF-8, as
 * in GCC. Digraphs are not supported.
 */
public final class Tokenizer {
    /** Punctuators, longest first so that the first match is the longest (C11 6.4.6). */
    private static final String[] PUNCTUATORS = {
        "<<=", ">>=", "...",
        "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##",
        "[", "]", "(", ")", "{", "}", ".", "&", "*", "+", "-", "~", "!", "/", "%",
        "<", ">", "^", "|", "?", ":", ";", "=", ",", "#",
    };

    /** The prefixes a character constant or string literal may have ("u8" only on strings). */
    private static final String[] LITERAL_PREFIXES = {"", "u8", "L", "u", "U"};

    private final String file;
    private final String source;
    private final Diagnostics diags;
    /** True: attach token errors to the tokens ({@link Token#error}); false: report them. */
    private final boolean deferErrors;
    /** Offset in {@link #source} where each physical line starts. */
    private final int[] lineStarts;
    /** The text after phases 1 and 2. */
    private char[] text;
    /** {@code origin[i]} is the offset in {@link #source} of {@code text[i]}. */
    private int[] origin;
    private int length;

    private int pos;
    private boolean atLineStart = true;
    private boolean spaceBefore;

    private Tokenizer(String file, String source, Diagnostics diags, boolean deferErrors) {
        this.file = file;
        this.source = source;
        this.diags = diags;
        this.deferErrors = deferErrors;
        this.lineStarts = lineStarts(source);
        splice();
    }

    /**
     * Tokenizes {@code source}, the text of {@code file} (the name is used in diagnostics),
     * into a list ending with an EOF token. Every error is collected and reported together
     * as a {@link CompileException}; no other exception escapes for any input.
     */
    public static List<Token> tokenize(String file, String source) throws CompileException {
        Diagnostics diags = new Diagnostics();
        List<Token> tokens = new Tokenizer(file, source, diags, false).run();
        diags.throwIfErrors();
        return tokens;
    }

    /**
     * Tokenizes for the preprocessor: a malformed token (a floating constant, a bad escape,
     * an unterminated quote, a stray character) does not fail at once but carries its message
     * in {@link Token#error}, because it may sit in a skipped group. Only an unterminated
     * comment, which swallows the rest of the file, is reported to {@code diags}.
     */
    static List<Token> tokenizeForPreprocessor(String file, String source, Diagnostics diags) {
        return new Tokenizer(file, source, diags, true).run();
    }

    /** Phases 1 and 2: normalise line ends and delete backslash-newlines. */
    private void splice() {
        text = new char[source.length()];
        origin = new int[source.length() + 1];
        int n = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                char d = source.charAt(i + 1);
                if (d == '\n') { i++; continue; }
                if (d == '\r') { i += (i + 2 < source.length() && source.charAt(i + 2) == '\n') ? 2 : 1; continue; }
            }
            origin[n] = i;
            if (c == '\r') {
                if (i + 1 < source.length() && source.charAt(i + 1) == '\n') i++;
                c = '\n';
            }
            text[n++] = c;
        }
        origin[n] = source.length();
        length = n;
    }

    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
            if (c == '\n' || c == '\r') starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based physical line of original offset {@code offset}. */
    private int lineOf(int offset) {
        int lo = 0, hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (pos < length && !diags.shouldStop()) {
            char c = text[pos];
            if (c == '\n') {
                pos++;
                atLineStart = true;
                spaceBefore = false;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == 11) {
                pos++;
                spaceBefore = true;
            } else if (c == 0) {
                // As in GCC: a run of NUL bytes is white space, with a warning.
                warning(pos, "null character(s) ignored");
                while (pos < length && text[pos] == 0) pos++;
                spaceBefore = true;
            } else if (startsWith("//")) {
                while (pos < length && text[pos] != '\n') pos++;
                spaceBefore = true;
            } else if (startsWith("/*")) {
                skipBlockComment();
            } else {
                tokens.add(next());
                atLineStart = false;
                spaceBefore = false;
            }
        }
        tokens.add(make(Token.Kind.EOF, length, length, 0, null, null, null));
        return tokens;
    }

    private void skipBlockComment() {
        int start = pos;
        pos += 2;
        while (pos < length && !startsWith("*/")) pos++;
        if (pos >= length) {
            error(start, "unterminated /* comment");
            return;
        }
        pos += 2;
        spaceBefore = true;
    }

    /** Reads the token that starts at {@link #pos}. */
    private Token next() {
        int start = pos;
        char c = text[pos];
        if (isDigit(c) || (c == '.' && pos + 1 < length && isDigit(text[pos + 1]))) return number();
        int prefix = literalPrefix();
        if (prefix >= 0) return quoted(start, prefix);
        if (isIdentStart(c)) {
            while (pos < length && isIdentPart(text[pos])) pos++;
            return make(Token.Kind.IDENT, start, pos, 0, null, null, null);
        }
        for (String p : PUNCTUATORS) {
            if (startsWith(p)) {
                pos += p.length();
                return make(Token.Kind.PUNCT, start, pos, 0, null, null, null);
            }
        }
        // Take a whole code point so a stray non-ASCII letter is one token, not two halves.
        pos += Character.isHighSurrogate(c) && pos + 1 < length ? 2 : 1;
        // A control character is shown as an octal escape, as GCC shows it, never raw.
        String shown = c < 0x20 || c == 0x7f ? "\\" + Integer.toOctalString(c) : new String(text, start, pos - start);
        return failed(Token.Kind.PUNCT, start, "stray '" + shown + "' in program");
    }

    /** A preprocessing number (C11 6.4.8), converted by {@link IntegerLiteral}. */
    private Token number() {
        int start = pos;
        pos++;
        while (pos < length) {
            char c = text[pos];
            char prev = text[pos - 1];
            boolean sign = (c == '+' || c == '-') && "eEpP".indexOf(prev) >= 0;
            if (!sign && !isIdentPart(c) && c != '.') break;
            pos++;
        }
        IntegerLiteral.Parsed p = IntegerLiteral.parse(new String(text, start, pos - start));
        if (p.error() != null) return failed(Token.Kind.NUMBER, start, p.error());
        return make(Token.Kind.NUMBER, start, pos, p.value(), p.type(), null, null);
    }

    /**
     * The length of a literal prefix at {@link #pos} followed by a quote: 0 for a bare quote,
     * 1 for L, u, U, 2 for u8; -1 if no character constant or string starts here.
     */
    private int literalPrefix() {
        for (String p : LITERAL_PREFIXES) {
            int q = pos + p.length();
            if (startsWith(p) && q < length && (text[q] == '"' || (text[q] == '\'' && !p.equals("u8")))) {
                return p.length();
            }
        }
        return -1;
    }

    /** A character constant or string literal, with a prefix of {@code prefix} characters. */
    private Token quoted(int start, int prefix) {
        pos = start + prefix;
        char quote = text[pos++];
        boolean isString = quote == '"';
        int bodyStart = pos;
        while (pos < length && text[pos] != quote && text[pos] != '\n') {
            if (text[pos] == '\\' && pos + 1 < length && text[pos + 1] != '\n') pos++;
            pos++;
        }
        Token.Kind kind = isString ? Token.Kind.STRING : Token.Kind.CHAR;
        if (pos >= length || text[pos] != quote) {
            return failed(kind, start, "missing terminating " + quote + " character");
        }
        String body = new String(text, bodyStart, pos - bodyStart);
        pos++;
        if (body.indexOf(0) >= 0) warning(start, "null character(s) preserved in literal");
        String pre = new String(text, start, prefix);
        if (isString) {
            StringLiteral.Decoded d = StringLiteral.decode(pre, body);
            if (d.error() != null) return failed(kind, start, d.error());
            if (d.warning() != null) warning(start, d.warning());
            return make(kind, start, pos, 0, d.elementType(), d.bytes(), null);
        }
        if (!pre.isEmpty()) return wideChar(start, body, pre);
        Escapes.Decoded d = Escapes.decode(body);
        if (d.error() != null) return failed(kind, start, d.error());
        if (d.warning() != null) warning(start, d.warning());
        if (d.bytes().length == 0) return failed(kind, start, "empty character constant");
        return make(kind, start, pos, Escapes.charValue(d.bytes()), "int", null, null);
    }

    /**
     * {@code L'x'} (type wchar_t, which is int on Clonix), {@code u'x'} (char16_t, unsigned
     * short, promoted to int) or {@code U'x'} (char32_t, an unsigned int): the value is the
     * character's code unit, its Unicode code point unless a u'x' would need two; of
     * several code units, as in GCC, the last one, with a warning.
     */
    private Token wideChar(int start, String body, String prefix) {
        boolean utf16 = prefix.equals("u");
        Escapes.WideDecoded d = Escapes.decodeUnits(body, utf16 ? 16 : 32);
        if (d.error() != null) return failed(Token.Kind.CHAR, start, d.error());
        if (d.warning() != null) warning(start, d.warning());
        if (d.units().length == 0) return failed(Token.Kind.CHAR, start, "empty character constant");
        // As GCC: more than one code unit is a warning, and the last one is the value.
        if (d.units().length > 1) warning(start, "character constant too long for its type");
        int unit = d.units()[d.units().length - 1];
        String type = StringLiteral.elementType(prefix);
        return make(Token.Kind.CHAR, start, pos, type.equals("int") ? unit : Integer.toUnsignedLong(unit), type, null, null);
    }

    /**
     * A malformed token ending at {@link #pos}: reported now, or, when tokenizing for the
     * preprocessor, returned with the message in {@link Token#error}.
     */
    private Token failed(Token.Kind kind, int start, String message) {
        if (!deferErrors) error(start, message);
        byte[] bytes = kind == Token.Kind.STRING ? new byte[0] : null;
        return make(kind, start, pos, 0, kind == Token.Kind.NUMBER ? "int" : null, bytes,
                deferErrors ? message : null);
    }

    private Token make(Token.Kind kind, int start, int end, long value, String type, byte[] bytes, String error) {
        int offset = origin[start];
        int line = lineOf(offset);
        int column = offset - lineStarts[line - 1] + 1;
        String spelling = kind == Token.Kind.EOF ? "" : new String(text, start, end - start);
        return new Token(kind, spelling, file, line, column, source, spaceBefore, atLineStart,
                value, type, bytes, error, HideSet.EMPTY);
    }

    private void error(int at, String message) {
        report(at, Diagnostic.Severity.ERROR, message);
    }

    private void warning(int at, String message) {
        report(at, Diagnostic.Severity.WARNING, message);
    }

    private void report(int at, Diagnostic.Severity severity, String message) {
        int offset = origin[at];
        int line = lineOf(offset);
        int column = offset - lineStarts[line - 1] + 1;
        diags.add(new Diagnostic(file, line, column, severity, message, sourceLine(line)));
    }

    /** The text of physical line {@code line} without its terminator. */
    private String sourceLine(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : source.length();
        while (end > start && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) end--;
        return source.substring(start, end);
    }

    private boolean startsWith(String s) {
        if (pos + s.length() > length) return false;
        for (int i = 0; i < s.length(); i++) if (text[pos + i] != s.charAt(i)) return false;
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Identifiers are ASCII letters, digits, '_' and, as GCC allows, '$' and every non-ASCII
     * character (both halves of a surrogate pair count, so a character past U+FFFF too).
     */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
