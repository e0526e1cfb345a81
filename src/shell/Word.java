package shell;

import java.util.List;

/**
 * One word of a command as the lexer found it: literal text (quotes already removed, each
 * piece marked quoted or not) and the expansions, which are done only when the command
 * runs ({@link Expansion}), so that {@code false; echo $?} sees the status of {@code false}.
 * Whether a piece was quoted decides what happens to it then: the results of unquoted
 * expansions are split into fields, and unquoted {@code * ? [} are patterns.
 *
 * @param parts the pieces in order
 * @param text  the word as written, for messages and for reserved words
 */
record Word(List<Part> parts, String text) {
    /** A piece of a word. */
    sealed interface Part permits Literal, Variable, CommandSubstitution, Arithmetic {
        /** True if the piece was inside quotes (or escaped with a backslash). */
        boolean quoted();
    }

    /** Text taken as it is. */
    record Literal(String text, boolean quoted) implements Part {}

    /**
     * {@code $NAME}, {@code ${NAME}}, a special parameter ({@code $? $$ $! $# $@ $* $0 $1...}),
     * {@code ${#NAME}} (op "length"), or a form such as {@code ${NAME:-WORD}}: {@code op} is
     * null for a plain reference, else one of {@code - :- = := + :+ ? :? # ## % %%}, with
     * {@code arg} the word after it. A tilde that starts a word is {@code $HOME}, quoted.
     */
    record Variable(String name, String op, Word arg, boolean quoted) implements Part {}

    /** {@code $(...)} or {@code `...`}: the standard output of {@code body}, trailing newlines removed. */
    record CommandSubstitution(List<Ast.AndOr> body, boolean quoted) implements Part {}

    /** {@code $((...))}: {@code expression} is expanded as in double quotes, then evaluated. */
    record Arithmetic(Word expression, boolean quoted) implements Part {}

    /**
     * If the word is an assignment {@code NAME=value} (NAME unquoted, as POSIX requires),
     * the name; otherwise null.
     */
    String assignmentName() {
        if (parts.isEmpty() || !(parts.get(0) instanceof Literal first) || first.quoted()) return null;
        int eq = first.text().indexOf('=');
        if (eq <= 0) return null;
        String name = first.text().substring(0, eq);
        return Variables.isName(name) ? name : null;
    }

    /** The text of the word if it is made only of literal pieces (quoted or not); null otherwise. */
    String literalText() {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (!(p instanceof Literal l)) return null;
            b.append(l.text());
        }
        return b.toString();
    }
}
