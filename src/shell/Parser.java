package shell;

import java.util.ArrayList;
import java.util.List;
import shell.Token.Kind;

/**
 * The grammar, a subset of POSIX's, by recursive descent:
 * <pre>
 * line     := andor ((';' | '&amp;') andor)* [';' | '&amp;']
 * andor    := pipeline (('&amp;&amp;' | '||') pipeline)*
 * pipeline := command ('|' command)*
 * command  := (assignment | word | redirection)+     assignments only before the first word
 * </pre>
 * A mistake gives bash's one-line message: {@code syntax error near unexpected token `|'}.
 */
final class Parser {
    private final String line;
    private final List<Token> tokens;
    private int pos;

    private Parser(String line, List<Token> tokens) {
        this.line = line;
        this.tokens = tokens;
    }

    /** The and-or lists of {@code line} (empty for a blank line or a comment). */
    static List<Ast.AndOr> parse(String line) throws SyntaxError {
        Parser p = new Parser(line, Lexer.tokenize(line));
        return p.line();
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private List<Ast.AndOr> line() throws SyntaxError {
        List<Ast.AndOr> lists = new ArrayList<>();
        while (peek().kind() != Kind.END) {
            lists.add(andOr());
            Token t = peek();
            if (t.kind() == Kind.SEMI || t.kind() == Kind.AMP) pos++;
            else if (t.kind() != Kind.END) throw unexpected(t);
        }
        return lists;
    }

    private Ast.AndOr andOr() throws SyntaxError {
        int start = peek().start();
        List<Ast.Pipeline> pipelines = new ArrayList<>();
        List<Kind> connectors = new ArrayList<>();
        pipelines.add(pipeline());
        while (peek().kind() == Kind.AND_IF || peek().kind() == Kind.OR_IF) {
            connectors.add(tokens.get(pos++).kind());
            pipelines.add(pipeline());
        }
        int end = tokens.get(pos - 1).end();
        boolean background = peek().kind() == Kind.AMP;
        return new Ast.AndOr(pipelines, connectors, background, line.substring(start, end));
    }

    private Ast.Pipeline pipeline() throws SyntaxError {
        int start = peek().start();
        List<Ast.Command> commands = new ArrayList<>();
        commands.add(command());
        while (peek().kind() == Kind.PIPE) {
            pos++;
            commands.add(command());
        }
        return new Ast.Pipeline(commands, line.substring(start, tokens.get(pos - 1).end()));
    }

    private Ast.Command command() throws SyntaxError {
        List<Word> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Ast.Redirect> redirects = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.WORD) {
                pos++;
                if (words.isEmpty() && t.word().assignmentName() != null) assignments.add(t.word());
                else words.add(t.word());
            } else if (t.kind().isRedirection()) {
                pos++;
                Token target = peek();
                if (target.kind() != Kind.WORD) throw unexpected(target);
                pos++;
                redirects.add(new Ast.Redirect(t.kind(), t.fd(), target.word()));
            } else {
                break;
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) throw unexpected(peek());
        return new Ast.Command(assignments, words, redirects);
    }

    private static SyntaxError unexpected(Token t) {
        return new SyntaxError("syntax error near unexpected token `" + t.spelling() + "'");
    }
}
