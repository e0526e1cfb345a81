package shell;

/**
 * A token of the command language: a word, or an operator with its position in the line.
 *
 * @param kind  what it is
 * @param word  the word, for {@link Kind#WORD}
 * @param fd    for a redirection, the descriptor it applies to
 * @param start offset of the token's first character in the line
 * @param end   offset just past its last character
 */
record Token(Kind kind, Word word, int fd, int start, int end) {
    /** Token kinds; the operators carry their spelling for error messages. */
    enum Kind {
        WORD(null), PIPE("|"), AND_IF("&&"), OR_IF("||"), SEMI(";"), AMP("&"),
        /** {@code <}: read from a file. */
        IN("<"),
        /** {@code >}: write to a file, truncating it. */
        OUT(">"),
        /** {@code >>}: append to a file. */
        APPEND(">>"),
        /** {@code >&}: duplicate a descriptor (2&gt;&amp;1). */
        DUP(">&"),
        END("newline");

        final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        boolean isRedirection() {
            return this == IN || this == OUT || this == APPEND || this == DUP;
        }
    }

    /** How the token reads in an error message. */
    String spelling() {
        return kind == Kind.WORD ? word.text() : kind.spelling;
    }
}
