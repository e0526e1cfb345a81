package shell;

import java.util.List;

/**
 * The command language's syntax tree. A script is a list of and-or lists; an and-or list
 * joins pipelines; a pipeline's stages are commands: simple commands, or the compound
 * commands (if, while, until, for, case, { }, ( )) whose bodies are lists again, and
 * function definitions. Lines are those of the text that was parsed, from 1.
 */
final class Ast {
    private Ast() {}

    /** A stage of a pipeline. */
    sealed interface Node permits Command, If, Loop, For, Case, Group, FunctionDef, Redirected {}

    /**
     * A redirection: {@code fd} is opened on {@code target} ({@link Token.Kind#IN},
     * {@link Token.Kind#OUT}, {@link Token.Kind#APPEND}), made a copy of descriptor
     * {@code target} ({@link Token.Kind#DUP}), or reads the here-document {@code hereDoc}
     * ({@link Token.Kind#HEREDOC}, whose target is the delimiter).
     */
    record Redirect(Token.Kind kind, int fd, Word target, Token.HereDoc hereDoc) {}

    /** {@code NAME=value ... word ... redirections}: assignments first, then the command and its arguments. */
    record Command(List<Word> assignments, List<Word> words, List<Redirect> redirects, int line) implements Node {}

    /** {@code if C1; then B1; elif C2; then B2; else E; fi}: {@code elseBody} is empty without else. */
    record If(List<List<AndOr>> conditions, List<List<AndOr>> bodies, List<AndOr> elseBody) implements Node {}

    /** {@code while C; do B; done}, or {@code until} when {@code until}. */
    record Loop(boolean until, List<AndOr> condition, List<AndOr> body) implements Node {}

    /** {@code for NAME in WORDS; do B; done}; {@code words} is null for {@code for NAME; do}, which loops over "$@". */
    record For(String name, List<Word> words, List<AndOr> body) implements Node {}

    /** {@code case WORD in P1|P2) B;; ... esac}. */
    record Case(Word word, List<CaseArm> arms) implements Node {}

    /** One arm of a case: its patterns and its body. */
    record CaseArm(List<Word> patterns, List<AndOr> body) {}

    /** {@code { B; }}, or {@code ( B )} when {@code subshell}: B runs with the shell's state saved and restored. */
    record Group(List<AndOr> body, boolean subshell) implements Node {}

    /** {@code NAME() COMPOUND}: defines a function. */
    record FunctionDef(String name, Node body) implements Node {}

    /** A compound command with redirections after it, which apply to all it runs. */
    record Redirected(Node command, List<Redirect> redirects) implements Node {}

    /** {@code [!] a | b | c}; {@code text} is the source, for job listings. */
    record Pipeline(List<Node> commands, boolean negated, String text) {}

    /**
     * {@code p1 && p2 || p3}, run in the background if it ended with '&'.
     * {@code connectors.get(i)} joins pipeline i and i + 1 (AND_IF or OR_IF).
     */
    record AndOr(List<Pipeline> pipelines, List<Token.Kind> connectors, boolean background, String text) {}
}
