package cc;

/**
 * One token of C source, as the tokenizer makes it and the preprocessor passes it on to the
 * parser. Tokens are immutable; the preprocessor makes new ones (with the location of the
 * macro use) when it expands macros.
 *
 * <p>{@code file}, {@code line} and {@code column} (1-based) locate the token for
 * diagnostics: {@code source} is the file's text so a diagnostic can show the line.
 */
public final class Token {
    /** The kinds of token the parser sees. */
    public enum Kind {
        /** An identifier or keyword (the parser tells keywords apart by text). */
        IDENT,
        /** A punctuator: {@code + ->  <<=  ...  #  ##} and the rest. */
        PUNCT,
        /** An integer constant; {@link #value} holds its value, {@link #type} its C type name. */
        NUMBER,
        /** A character constant; {@link #value} holds its int value. */
        CHAR,
        /**
         * A string literal; {@link #bytes} holds its contents without the final null
         * character, {@link #type} the type of its elements (see {@link StringLiteral}).
         */
        STRING,
        /** End of input. */
        EOF
    }

    public final Kind kind;
    /** The token's spelling in the source. */
    public final String text;
    public final String file;
    public final int line;
    public final int column;
    /** The whole text of the file the token came from, for showing the line in diagnostics. */
    public final String source;
    /** True if whitespace came before the token (for macro stringizing and spacing). */
    public final boolean spaceBefore;
    /** True if the token is the first on its line (for recognising directives). */
    public final boolean atLineStart;
    /** NUMBER and CHAR: the value, as a 64-bit two's complement number. */
    public final long value;
    /**
     * NUMBER and CHAR: the constant's type from its suffix and size, one of "int",
     * "unsigned int", "long", "unsigned long", "long long", "unsigned long long" (and
     * "unsigned short" for a char16_t constant), or for a floating constant (whose
     * {@link #value} is its IEEE bits) "float", "double", "long double". STRING: null for an
     * array of char, else the type of its elements ("int", "unsigned short", "unsigned int").
     */
    public final String type;
    /** STRING: the array's bytes after escape processing, without the terminating null character. */
    public final byte[] bytes;
    /**
     * A deferred error, or null. The preprocessor's tokenizer does not reject a malformed
     * token (say {@code 1.5} or an unterminated {@code '}) at once, because C allows such text
     * in a group skipped by {@code #if 0}; it records the message here and the preprocessor
     * reports it only if the token reaches its output or an {@code #if} expression.
     */
    public final String error;
    /**
     * The preprocessor's hide set: names of the macros whose expansion produced this token,
     * which must not be expanded again when the token is rescanned (C11 6.10.3.4). Empty for
     * tokens read from a file. Never null.
     */
    public final HideSet hideSet;

    /** A token without a deferred error and with an empty hide set. */
    public Token(Kind kind, String text, String file, int line, int column, String source,
                 boolean spaceBefore, boolean atLineStart, long value, String type, byte[] bytes) {
        this(kind, text, file, line, column, source, spaceBefore, atLineStart, value, type, bytes,
                null, HideSet.EMPTY);
    }

    /** A token with every field given; {@code hideSet} must not be null. */
    public Token(Kind kind, String text, String file, int line, int column, String source,
                 boolean spaceBefore, boolean atLineStart, long value, String type, byte[] bytes,
                 String error, HideSet hideSet) {
        this.error = error;
        this.hideSet = hideSet;
        this.kind = kind;
        this.text = text;
        this.file = file;
        this.line = line;
        this.column = column;
        this.source = source;
        this.spaceBefore = spaceBefore;
        this.atLineStart = atLineStart;
        this.value = value;
        this.type = type;
        this.bytes = bytes;
    }

    /** This token with {@code spaceBefore} and {@code atLineStart} replaced. */
    public Token withSpacing(boolean space, boolean lineStart) {
        return new Token(kind, text, file, line, column, source, space, lineStart, value, type, bytes,
                error, hideSet);
    }

    /** This token with its hide set replaced. */
    public Token withHideSet(HideSet hs) {
        return new Token(kind, text, file, line, column, source, spaceBefore, atLineStart, value, type,
                bytes, error, hs);
    }

    /**
     * This token moved to the place of {@code where} (file, line, column, source), keeping its
     * own spelling, value and spacing: used for tokens that a macro use expands to, so that a
     * diagnostic about them points at the use.
     */
    public Token at(Token where) {
        return new Token(kind, text, where.file, where.line, where.column, where.source, spaceBefore,
                atLineStart, value, type, bytes, error, hideSet);
    }

    /** This token with its file name and line replaced, for the {@code #line} directive. */
    public Token relocated(String newFile, int newLine) {
        return new Token(kind, text, newFile, newLine, column, source, spaceBefore, atLineStart, value, type,
                bytes, error, hideSet);
    }

    /** True if this is the punctuator or identifier spelled {@code s}. */
    public boolean is(String s) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + kind + " '" + text + "'";
    }
}
