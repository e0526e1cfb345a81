package shell;

/**
 * A token of the command language: a word, or an operator with its place in the text.
 *
 * @param kind  what it is
 * @param word  the word, for {@link Kind#WORD}; for a here-document, its delimiter
 * @param fd    for a redirection, the descriptor it applies to
 * @param start offset of the token's first character in the text
 * @param end   offset just past its last character
 * @param line  the line (from 1) the token starts on, for error messages
 * @param hereDoc for {@link Kind#HEREDOC}, the body, filled in when the lexer reaches the end of the line
 */
record Token(Kind kind, Word word, int fd, int start, int end, int line, HereDoc hereDoc) {
    /** Token kinds; the operators carry their spelling for error messages. */
    enum Kind {
        WORD(null), PIPE("|"), AND_IF("&&"), OR_IF("||"), SEMI(";"), AMP("&"),
        /** {@code ;;}: the end of a case arm. */
        DSEMI(";;"),
        LPAREN("("), RPAREN(")"),
        /** {@code <}: read from a file. */
        IN("<"),
        /** {@code >}: write to a file, truncating it. */
        OUT(">"),
        /** {@code >>}: append to a file. */
        APPEND(">>"),
        /** {@code >&}: duplicate a descriptor (2&gt;&amp;1). */
        DUP(">&"),
        /** {@code <<} or {@code <<-}: a here-document; its body follows the line. */
        HEREDOC("<<"),
        NEWLINE("newline"),
        END("end of file");

        final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        boolean isRedirection() {
            return this == IN || this == OUT || this == APPEND || this == DUP || this == HEREDOC;
        }
    }

    /**
     * A here-document: the text between the line of its operator and the delimiter line.
     * {@code body} is null until the lexer has read it; it is expanded as in double quotes
     * unless the delimiter was quoted ({@code literal}).
     */
    static final class HereDoc {
        final String delimiter;
        final boolean stripTabs;
        final boolean literal;
        Word body;

        HereDoc(String delimiter, boolean stripTabs, boolean literal) {
            this.delimiter = delimiter;
            this.stripTabs = stripTabs;
            this.literal = literal;
        }
    }

    /** How the token reads in an error message. */
    String spelling() {
        return kind == Kind.WORD ? word.text() : kind.spelling;
    }

    /** True for the unquoted word {@code w}, such as a reserved word ("if", "done", "{"). */
    boolean is(String w) {
        return kind == Kind.WORD && word.text().equals(w);
    }
}
