package shell;

import java.util.List;
import java.util.function.Function;

/**
 * One word of a command as the lexer found it: literal text (quotes already removed) and
 * variable references, expanded only when the command runs, so that {@code false; echo $?}
 * sees the status of {@code false}. There is no field splitting and no globbing: a word
 * stays one argument whatever its variables hold (docs/shell.md).
 *
 * @param parts the pieces in order
 * @param text  the word as written, for messages
 */
record Word(List<Part> parts, String text) {
    /** A piece of a word. */
    sealed interface Part permits Literal, Variable {}

    /** Text taken as it is. */
    record Literal(String text) implements Part {}

    /** {@code $NAME}, {@code ${NAME}} or a special parameter such as {@code $?}. */
    record Variable(String name) implements Part {}

    /** The word's value, with each variable replaced by {@code lookup(name)} (never null). */
    String expand(Function<String, String> lookup) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Literal l) b.append(l.text());
            else if (p instanceof Variable v) b.append(lookup.apply(v.name()));
        }
        return b.toString();
    }

    /**
     * If the word is an assignment {@code NAME=value} (NAME unquoted, as POSIX requires),
     * the name; otherwise null.
     */
    String assignmentName() {
        if (parts.isEmpty() || !(parts.get(0) instanceof Literal first)) return null;
        int eq = first.text().indexOf('=');
        if (eq <= 0 || !text.startsWith(first.text().substring(0, eq + 1))) return null;
        String name = first.text().substring(0, eq);
        return Variables.isName(name) ? name : null;
    }

    /** The value of an assignment word: everything after the first '=', expanded. */
    String assignmentValue(Function<String, String> lookup) {
        String full = expand(lookup);
        return full.substring(full.indexOf('=') + 1);
    }
}
