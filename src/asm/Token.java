package asm;

/**
 * One token of an assembly line, with the 1-based line and column where it starts so that
 * every later stage can point a caret at it.
 */
final class Token {
    enum Kind {
        /** A name: mnemonic, directive, register, symbol, or "." (the location counter). */
        IDENT,
        /** An integer or character literal; {@link #value} holds it. */
        NUMBER,
        /** A string literal; {@link #bytes} holds its decoded bytes. */
        STRING,
        /** An operator or punctuation mark: , : ( ) = + - * / % & | ^ ~ << >> */
        PUNCT,
        /** The end of the line; every line's token list ends with one. */
        EOL
    }

    final Kind kind;
    /** The token as written (for PUNCT the operator itself, for IDENT the name). */
    final String text;
    final long value;
    final byte[] bytes;
    final int line;
    final int col;

    Token(Kind kind, String text, long value, byte[] bytes, int line, int col) {
        this.kind = kind;
        this.text = text;
        this.value = value;
        this.bytes = bytes;
        this.line = line;
        this.col = col;
    }

    /** True if this is the punctuation mark or operator {@code p}. */
    boolean is(String p) {
        return kind == Kind.PUNCT && text.equals(p);
    }

    /** How the token reads in an error message. */
    String describe() {
        switch (kind) {
            case EOL: return "end of line";
            case STRING: return "string";
            default: return "'" + text + "'";
        }
    }

    @Override
    public String toString() {
        return kind + "(" + text + ")@" + line + ":" + col;
    }
}
