package shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shell.Token.Kind;

/**
 * The grammar of POSIX's shell command language, by recursive descent:
 * <pre>
 * program  := linebreak (andor sep)* [andor]            sep: ';' '&amp;' or newline
 * list     := linebreak andor (sep linebreak andor)* [sep]   up to a reserved word that ends it
 * andor    := pipeline (('&amp;&amp;' | '||') linebreak pipeline)*
 * pipeline := ['!'] command ('|' linebreak command)*
 * command  := simple | compound redirection* | NAME '(' ')' linebreak compound
 * simple   := (assignment | word | redirection)+     assignments only before the first word
 * compound := '{' list '}' | '(' list ')' | if | while | until | for | case
 * if       := 'if' list 'then' list ('elif' list 'then' list)* ['else' list] 'fi'
 * while    := ('while' | 'until') list 'do' list 'done'
 * for      := 'for' NAME [linebreak 'in' word* sep] linebreak 'do' list 'done'
 * case     := 'case' word linebreak 'in' linebreak (['('] pattern ('|' pattern)* ')' list ';;')* 'esac'
 * </pre>
 * Reserved words are words spelled exactly so, unquoted, where a command starts. A mistake
 * gives bash's one-line message, {@code syntax error near unexpected token `fi'}, with the
 * line of the token; text that ends inside a command raises {@link SyntaxError.Incomplete}.
 */
final class Parser {
    private static final Set<String> CLOSERS = Set.of("then", "elif", "else", "fi", "do", "done", "esac", "}");

    private final Lexer lexer;
    private final List<Token> ahead = new ArrayList<>();
    private int lastEnd;

    Parser(Lexer lexer) {
        this.lexer = lexer;
    }

    /** The and-or lists of {@code text} (empty for blank lines and comments). */
    static List<Ast.AndOr> parse(String text) throws SyntaxError {
        return new Parser(new Lexer(text.endsWith("\n") ? text : text + "\n")).program();
    }

    /** The whole text of the lexer as the body of a backquoted substitution starting on line {@code lineOffset} + 1. */
    List<Ast.AndOr> wholeText(int lineOffset) throws SyntaxError {
        try {
            return program();
        } catch (SyntaxError e) {
            throw new SyntaxError(e.getMessage(), e.line + lineOffset);
        }
    }

    /** After "$(": the commands up to the matching ')', which is consumed (and nothing after it). */
    List<Ast.AndOr> substitution() throws SyntaxError {
        List<Ast.AndOr> body = list(true);
        expect(Kind.RPAREN);
        return body;
    }

    private Token peek() throws SyntaxError {
        return peek(0);
    }

    private Token peek(int n) throws SyntaxError {
        while (ahead.size() <= n) ahead.add(lexer.next());
        return ahead.get(n);
    }

    private Token take() throws SyntaxError {
        Token t = peek();
        ahead.remove(0);
        lastEnd = t.end();
        return t;
    }

    private void linebreak() throws SyntaxError {
        while (peek().kind() == Kind.NEWLINE) take();
    }

    private List<Ast.AndOr> program() throws SyntaxError {
        List<Ast.AndOr> lists = new ArrayList<>();
        while (true) {
            linebreak();
            if (peek().kind() == Kind.END) return lists;
            lists.add(andOr());
            Token t = peek();
            if (t.kind() == Kind.SEMI || t.kind() == Kind.AMP || t.kind() == Kind.NEWLINE) take();
            else if (t.kind() != Kind.END) throw unexpected(t);
        }
    }

    /** A list up to a reserved word (or ')' or ';;') that ends it; empty only if {@code mayBeEmpty}. */
    private List<Ast.AndOr> list(boolean mayBeEmpty) throws SyntaxError {
        List<Ast.AndOr> lists = new ArrayList<>();
        linebreak();
        while (!endsList(peek())) {
            lists.add(andOr());
            Token t = peek();
            if (t.kind() != Kind.SEMI && t.kind() != Kind.AMP && t.kind() != Kind.NEWLINE) break;
            take();
            linebreak();
        }
        if (lists.isEmpty() && !mayBeEmpty) throw unexpected(peek());
        return lists;
    }

    private static boolean endsList(Token t) {
        return t.kind() == Kind.END || t.kind() == Kind.RPAREN || t.kind() == Kind.DSEMI
                || t.kind() == Kind.WORD && CLOSERS.contains(t.word().text());
    }

    private Ast.AndOr andOr() throws SyntaxError {
        int start = peek().start();
        List<Ast.Pipeline> pipelines = new ArrayList<>();
        List<Kind> connectors = new ArrayList<>();
        pipelines.add(pipeline());
        while (peek().kind() == Kind.AND_IF || peek().kind() == Kind.OR_IF) {
            connectors.add(take().kind());
            linebreak();
            pipelines.add(pipeline());
        }
        boolean background = peek().kind() == Kind.AMP;
        return new Ast.AndOr(pipelines, connectors, background, lexer.text.substring(start, lastEnd));
    }

    private Ast.Pipeline pipeline() throws SyntaxError {
        int start = peek().start();
        boolean negated = peek().is("!");
        if (negated) take();
        List<Ast.Node> commands = new ArrayList<>();
        commands.add(command());
        while (peek().kind() == Kind.PIPE) {
            take();
            linebreak();
            commands.add(command());
        }
        return new Ast.Pipeline(commands, negated, lexer.text.substring(start, lastEnd));
    }

    private Ast.Node command() throws SyntaxError {
        lexer.enter(peek().start());
        try {
            return commandAt(peek());
        } finally {
            lexer.leave();
        }
    }

    private Ast.Node commandAt(Token t) throws SyntaxError {
        Ast.Node compound = null;
        if (t.kind() == Kind.END) throw new SyntaxError.Incomplete(t.line());
        if (t.kind() == Kind.LPAREN) {
            take();
            compound = new Ast.Group(list(false), true);
            expect(Kind.RPAREN);
        } else if (t.kind() == Kind.WORD) {
            switch (t.word().text()) {
                case "if" -> compound = ifClause();
                case "while", "until" -> compound = loop();
                case "for" -> compound = forClause();
                case "case" -> compound = caseClause();
                case "{" -> {
                    take();
                    compound = new Ast.Group(list(false), false);
                    expectWord("}");
                }
                default -> {
                    if (CLOSERS.contains(t.word().text()) || t.is("!")) throw unexpected(t);
                    if (Variables.isName(t.word().text()) && peek(1).kind() == Kind.LPAREN) return functionDef();
                }
            }
        }
        if (compound == null) return simpleCommand();
        List<Ast.Redirect> redirects = new ArrayList<>();
        while (peek().kind().isRedirection()) redirects.add(redirection());
        return redirects.isEmpty() ? compound : new Ast.Redirected(compound, redirects);
    }

    private Ast.Node functionDef() throws SyntaxError {
        String name = take().word().text();
        take();
        expect(Kind.RPAREN);
        linebreak();
        Token t = peek();
        boolean compound = t.kind() == Kind.LPAREN || t.is("{") || t.is("if") || t.is("while") || t.is("until")
                || t.is("for") || t.is("case");
        if (!compound) throw unexpected(t);
        return new Ast.FunctionDef(name, command());
    }

    private Ast.Node ifClause() throws SyntaxError {
        take();
        List<List<Ast.AndOr>> conditions = new ArrayList<>();
        List<List<Ast.AndOr>> bodies = new ArrayList<>();
        List<Ast.AndOr> elseBody = List.of();
        conditions.add(list(false));
        expectWord("then");
        bodies.add(list(false));
        while (true) {
            if (peek().is("elif")) {
                take();
                conditions.add(list(false));
                expectWord("then");
                bodies.add(list(false));
            } else if (peek().is("else")) {
                take();
                elseBody = list(false);
                expectWord("fi");
                break;
            } else {
                expectWord("fi");
                break;
            }
        }
        return new Ast.If(conditions, bodies, elseBody);
    }

    private Ast.Node loop() throws SyntaxError {
        boolean until = take().is("until");
        List<Ast.AndOr> condition = list(false);
        expectWord("do");
        List<Ast.AndOr> body = list(false);
        expectWord("done");
        return new Ast.Loop(until, condition, body);
    }

    private Ast.Node forClause() throws SyntaxError {
        take();
        Token name = take();
        if (name.kind() != Kind.WORD) throw unexpected(name);
        if (!Variables.isName(name.word().text())) {
            throw new SyntaxError("`" + name.word().text() + "': not a valid identifier", name.line());
        }
        List<Word> words = null;
        linebreak();
        if (peek().is("in")) {
            take();
            words = new ArrayList<>();
            while (peek().kind() == Kind.WORD) words.add(take().word());
            Token sep = peek();
            if (sep.kind() != Kind.SEMI && sep.kind() != Kind.NEWLINE) throw unexpected(sep);
            take();
        } else if (peek().kind() == Kind.SEMI) {
            take();
        }
        linebreak();
        expectWord("do");
        List<Ast.AndOr> body = list(false);
        expectWord("done");
        return new Ast.For(name.word().text(), words, body);
    }

    private Ast.Node caseClause() throws SyntaxError {
        take();
        Token subject = take();
        if (subject.kind() != Kind.WORD) throw unexpected(subject);
        linebreak();
        expectWord("in");
        linebreak();
        List<Ast.CaseArm> arms = new ArrayList<>();
        while (!peek().is("esac")) {
            if (peek().kind() == Kind.LPAREN) take();
            List<Word> patterns = new ArrayList<>();
            while (true) {
                Token p = take();
                if (p.kind() != Kind.WORD) throw unexpected(p);
                patterns.add(p.word());
                if (peek().kind() != Kind.PIPE) break;
                take();
            }
            expect(Kind.RPAREN);
            arms.add(new Ast.CaseArm(patterns, list(true)));
            if (peek().kind() == Kind.DSEMI) {
                take();
                linebreak();
            } else if (!peek().is("esac")) {
                throw unexpected(peek());
            }
        }
        take();
        return new Ast.Case(subject.word(), arms);
    }

    private Ast.Command simpleCommand() throws SyntaxError {
        int line = peek().line();
        List<Word> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Ast.Redirect> redirects = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.WORD) {
                take();
                if (words.isEmpty() && t.word().assignmentName() != null) assignments.add(t.word());
                else words.add(t.word());
            } else if (t.kind().isRedirection()) {
                redirects.add(redirection());
            } else {
                break;
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) throw unexpected(peek());
        return new Ast.Command(assignments, words, redirects, line);
    }

    private Ast.Redirect redirection() throws SyntaxError {
        Token op = take();
        if (op.kind() == Kind.HEREDOC) return new Ast.Redirect(op.kind(), op.fd(), op.word(), op.hereDoc());
        Token target = peek();
        if (target.kind() != Kind.WORD) throw unexpected(target);
        take();
        return new Ast.Redirect(op.kind(), op.fd(), target.word(), null);
    }

    private void expect(Kind kind) throws SyntaxError {
        Token t = peek();
        if (t.kind() != kind) throw unexpected(t);
        take();
    }

    private void expectWord(String word) throws SyntaxError {
        Token t = peek();
        if (!t.is(word)) throw unexpected(t);
        take();
    }

    /** At the end of the text more lines could finish the command; anywhere else the token is wrong. */
    private static SyntaxError unexpected(Token t) {
        if (t.kind() == Kind.END) return new SyntaxError.Incomplete(t.line());
        return new SyntaxError("syntax error near unexpected token `" + t.spelling() + "'", t.line());
    }
}
