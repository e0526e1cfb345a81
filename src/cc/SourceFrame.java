package cc;

import java.util.List;

/**
 * One file the preprocessor is reading: its tokens, the read position, where its
 * conditionals start on the conditional stack, and what {@code #line} changed.
 */
final class SourceFrame {
    /** The path the file was opened by, used to find files it includes. */
    final String path;
    /** The file's tokens, ending with EOF. */
    final List<Token> tokens;
    /** The number of open conditionals when the file was entered. */
    final int conditionalBase;
    /** The search directory the file was found in (for #include_next), or -1. */
    final int dirIndex;
    /** The index of the next token to read. */
    int pos;
    /** Set by #line: added to every line number from then on. */
    int lineDelta;
    /** Set by #line: the file name shown instead of the path, or null. */
    String shownName;

    SourceFrame(String path, List<Token> tokens, int conditionalBase, int dirIndex) {
        this.path = path;
        this.dirIndex = dirIndex;
        this.tokens = tokens;
        this.conditionalBase = conditionalBase;
    }

    /** The token at the read position, as #line renumbered it; EOF at the end. */
    Token current() {
        Token t = tokens.get(pos);
        if (shownName == null && lineDelta == 0) return t;
        return t.relocated(shownName == null ? t.file : shownName, t.line + lineDelta);
    }

    /** Moves past the current token, staying on EOF. */
    void advance() {
        if (pos < tokens.size() - 1) pos++;
    }

    /** The EOF token that ends the file. */
    Token eof() {
        return tokens.get(tokens.size() - 1);
    }
}
