package shell;

import java.util.List;

/** The command language's syntax tree: a line is a list of and-or lists of pipelines of simple commands. */
final class Ast {
    private Ast() {}

    /**
     * A redirection: {@code fd} is opened on {@code target} ({@link Token.Kind#IN},
     * {@link Token.Kind#OUT}, {@link Token.Kind#APPEND}) or made a copy of descriptor
     * {@code target} ({@link Token.Kind#DUP}).
     */
    record Redirect(Token.Kind kind, int fd, Word target) {}

    /** {@code NAME=value ... word ... redirections}: assignments first, then the command and its arguments. */
    record Command(List<Word> assignments, List<Word> words, List<Redirect> redirects) {}

    /** {@code a | b | c}; {@code text} is the source, for job listings. */
    record Pipeline(List<Command> commands, String text) {}

    /**
     * {@code p1 && p2 || p3}, run in the background if it ended with '&'.
     * {@code connectors.get(i)} joins pipeline i and i + 1 (AND_IF or OR_IF).
     */
    record AndOr(List<Pipeline> pipelines, List<Token.Kind> connectors, boolean background, String text) {}
}
