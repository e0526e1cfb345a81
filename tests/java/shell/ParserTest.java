package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command language: words and quoting, variables, operators, redirections, compound
 * commands, here-documents, and the syntax errors (with their line, and whether more lines
 * could complete the text).
 */
class ParserTest {
    private static final Map<String, String> VARS = Map.of("HOME", "/root", "?", "3", "X", "a b");

    /** The words of the first simple command of {@code line}, each variable replaced from VARS (no splitting). */
    private static List<String> words(String line) throws SyntaxError {
        List<Ast.AndOr> lists = Parser.parse(line);
        assertEquals(1, lists.size());
        return command(line).words().stream().map(ParserTest::render).toList();
    }

    private static Ast.Command command(String line) throws SyntaxError {
        return (Ast.Command) Parser.parse(line).get(0).pipelines().get(0).commands().get(0);
    }

    private static String render(Word w) {
        StringBuilder b = new StringBuilder();
        for (Word.Part p : w.parts()) {
            if (p instanceof Word.Literal l) b.append(l.text());
            else if (p instanceof Word.Variable v) b.append(VARS.getOrDefault(v.name(), ""));
            else b.append('<').append(p.getClass().getSimpleName()).append('>');
        }
        return b.toString();
    }

    @Test
    void quotingKeepsSpacesAndStopsExpansion() throws SyntaxError {
        assertEquals(List.of("a  b", "c d", "$HOME", "/root", "x\"y", "it's"),
                words("\"a  b\" c\\ d '$HOME' \"$HOME\" x\\\"y \"it's\""));
    }

    @Test
    void variablesAreFoundInsideAndOutsideQuotes() throws SyntaxError {
        assertEquals(List.of("a b", "3", "/rootx", "$", "[]"), words("$X $? ${HOME}x $ [$NOPE]"));
    }

    @Test
    void emptyQuotesMakeAnEmptyArgument() throws SyntaxError {
        assertEquals(List.of("echo", "", "x"), words("echo '' x"));
    }

    @Test
    void commentsAndBlankLinesAreNothing() throws SyntaxError {
        assertTrue(Parser.parse("   # just a comment").isEmpty());
        assertTrue(Parser.parse("").isEmpty());
        assertEquals(List.of("echo", "a#b"), words("echo a#b # comment"));
    }

    @Test
    void listsPipelinesAndBackground() throws SyntaxError {
        List<Ast.AndOr> lists = Parser.parse("a | b && c || d; e & f");
        assertEquals(3, lists.size());
        Ast.AndOr first = lists.get(0);
        assertEquals(3, first.pipelines().size());
        assertEquals(2, first.pipelines().get(0).commands().size());
        assertEquals(List.of(Token.Kind.AND_IF, Token.Kind.OR_IF), first.connectors());
        assertEquals("a | b && c || d", first.text());
        assertFalse(first.background());
        assertTrue(lists.get(1).background());
        assertEquals("e", lists.get(1).text());
        assertFalse(lists.get(2).background());
    }

    @Test
    void redirectionsTakeTheirDescriptor() throws SyntaxError {
        Ast.Command c = command("cmd <in >out 2>>log 2>&1 3> x");
        assertEquals(List.of("cmd"), c.words().stream().map(Word::text).toList());
        List<Ast.Redirect> r = c.redirects();
        assertEquals(5, r.size());
        assertEquals(Token.Kind.IN, r.get(0).kind());
        assertEquals(0, r.get(0).fd());
        assertEquals(Token.Kind.OUT, r.get(1).kind());
        assertEquals(1, r.get(1).fd());
        assertEquals(Token.Kind.APPEND, r.get(2).kind());
        assertEquals(2, r.get(2).fd());
        assertEquals(Token.Kind.DUP, r.get(3).kind());
        assertEquals("1", r.get(3).target().text());
        assertEquals(3, r.get(4).fd());
        assertEquals("x", r.get(4).target().text());
    }

    @Test
    void assignmentsComeBeforeTheCommandOnly() throws SyntaxError {
        Ast.Command c = command("A=1 B='x y' env C=3");
        assertEquals(List.of("A", "B"), c.assignments().stream().map(Word::assignmentName).toList());
        assertEquals("B=x y", render(c.assignments().get(1)));
        assertEquals(List.of("env", "C=3"), c.words().stream().map(Word::text).toList());
        assertNull(command("'A=1'").words().get(0).assignmentName());
    }

    private static String error(String text) {
        return assertThrows(SyntaxError.class, () -> Parser.parse(text)).getMessage();
    }

    @Test
    void mistakesGiveBashsMessages() {
        assertEquals("syntax error near unexpected token `|'", error("| a"));
        assertEquals("syntax error near unexpected token `&&'", error("a && && b"));
        assertEquals("syntax error near unexpected token `newline'", error("a >"));
        assertEquals("syntax error near unexpected token `fi'", error("if true; then echo; fi fi"));
        assertEquals("syntax error near unexpected token `done'", error("while true; do done"));
        assertEquals("syntax error near unexpected token `)'", error("echo )"));
        assertEquals("`1': not a valid identifier", error("for 1 in a; do :; done"));
        assertEquals("${a&b}: bad substitution", error("echo ${a&b}"));
    }

    @Test
    void syntaxErrorsGiveTheLineOfTheToken() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> Parser.parse("echo a\nif true; then\nfi"));
        assertEquals("syntax error near unexpected token `fi'", e.getMessage());
        assertEquals(3, e.line);
    }

    @Test
    void textThatStopsInsideACommandIsIncomplete() {
        for (String text : List.of("a |", "a &&", "echo 'x", "echo \"x", "if true; then", "while :; do echo",
                "for i in 1 2", "case x in", "f() {", "echo $(echo", "echo `x", "echo $((1 +", "cat <<EOF\nbody",
                "echo a \\\n", "{ echo")) {
            assertThrows(SyntaxError.Incomplete.class, () -> Parser.parse(text), text);
        }
        assertEquals("syntax error: unexpected end of file", error("if true"));
    }

    @Test
    void compoundCommandsNest() throws SyntaxError {
        List<Ast.AndOr> lists = Parser.parse("if a; then b; elif c\nthen d; else e; fi\nwhile x; do for i in 1 2; do y; done; done");
        assertEquals(2, lists.size());
        Ast.If i = (Ast.If) lists.get(0).pipelines().get(0).commands().get(0);
        assertEquals(2, i.conditions().size());
        assertEquals(1, i.elseBody().size());
        Ast.Loop w = (Ast.Loop) lists.get(1).pipelines().get(0).commands().get(0);
        assertFalse(w.until());
        Ast.For f = (Ast.For) w.body().get(0).pipelines().get(0).commands().get(0);
        assertEquals("i", f.name());
        assertEquals(List.of("1", "2"), f.words().stream().map(Word::text).toList());
        assertNull(((Ast.For) Parser.parse("for a; do b; done").get(0).pipelines().get(0).commands().get(0)).words());
    }

    @Test
    void caseArmsTakePatternsAndEmptyBodies() throws SyntaxError {
        Ast.Case c = (Ast.Case) Parser.parse("case $x in\n (a|b) echo ab;;\n c) ;;\n *) echo other\nesac")
                .get(0).pipelines().get(0).commands().get(0);
        assertEquals(3, c.arms().size());
        assertEquals(List.of("a", "b"), c.arms().get(0).patterns().stream().map(Word::text).toList());
        assertTrue(c.arms().get(1).body().isEmpty());
        assertEquals("*", c.arms().get(2).patterns().get(0).text());
    }

    @Test
    void aCommandSubstitutionIsParsedWhereItStands() throws SyntaxError {
        Word w = command("echo $(case x in x) echo ')';; esac)").words().get(1);
        Word.CommandSubstitution sub = (Word.CommandSubstitution) w.parts().get(0);
        assertTrue(sub.body().get(0).pipelines().get(0).commands().get(0) instanceof Ast.Case);
        assertTrue(command("echo `echo \\`x\\``").words().get(1).parts().get(0) instanceof Word.CommandSubstitution);
        assertTrue(command("echo \"$((1 + (2 * 3)))\"").words().get(1).parts().get(0) instanceof Word.Arithmetic);
    }

    @Test
    void functionsAndGroups() throws SyntaxError {
        Ast.FunctionDef f = (Ast.FunctionDef) Parser.parse("greet() {\n echo hi; } > out").get(0).pipelines().get(0).commands().get(0);
        assertEquals("greet", f.name());
        assertTrue(f.body() instanceof Ast.Redirected);
        assertTrue(((Ast.Group) Parser.parse("( cd /; ls )").get(0).pipelines().get(0).commands().get(0)).subshell());
        assertTrue(Parser.parse("! false").get(0).pipelines().get(0).negated());
    }

    @Test
    void hereDocumentBodiesFollowTheLine() throws SyntaxError {
        List<Ast.AndOr> lists = Parser.parse("cat <<EOF; cat <<-'END'\nx $HOME\nEOF\n\ty $HOME\n\tEND\necho after");
        assertEquals(3, lists.size());
        Ast.Redirect first = command("cat <<EOF\nx $HOME\nEOF").redirects().get(0);
        assertEquals(Token.Kind.HEREDOC, first.kind());
        assertEquals("x /root\n", render(first.hereDoc().body));
        Ast.Command second = (Ast.Command) lists.get(1).pipelines().get(0).commands().get(0);
        Token.HereDoc doc = second.redirects().get(0).hereDoc();
        assertTrue(doc.literal);
        assertEquals("y $HOME\n", render(doc.body));
    }
}
