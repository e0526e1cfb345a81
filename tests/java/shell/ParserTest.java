package shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command language: words and quoting, variables, operators, redirections, and the syntax errors. */
class ParserTest {
    private static final Map<String, String> VARS = Map.of("HOME", "/root", "?", "3", "X", "a b");

    private static List<String> words(String line) throws SyntaxError {
        List<Ast.AndOr> lists = Parser.parse(line);
        assertEquals(1, lists.size());
        return lists.get(0).pipelines().get(0).commands().get(0).words().stream()
                .map(w -> w.expand(n -> VARS.getOrDefault(n, ""))).toList();
    }

    @Test
    void quotingKeepsSpacesAndStopsExpansion() throws SyntaxError {
        assertEquals(List.of("a  b", "c d", "$HOME", "/root", "x\"y", "it's"),
                words("\"a  b\" c\\ d '$HOME' \"$HOME\" x\\\"y \"it's\""));
    }

    @Test
    void variablesExpandWithoutFieldSplitting() throws SyntaxError {
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
        Ast.Command c = Parser.parse("cmd <in >out 2>>log 2>&1 3> x").get(0).pipelines().get(0).commands().get(0);
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
        Ast.Command c = Parser.parse("A=1 B='x y' env C=3").get(0).pipelines().get(0).commands().get(0);
        assertEquals(List.of("A", "B"), c.assignments().stream().map(Word::assignmentName).toList());
        assertEquals("x y", c.assignments().get(1).assignmentValue(n -> ""));
        assertEquals(List.of("env", "C=3"), c.words().stream().map(Word::text).toList());
        assertNull(Parser.parse("'A=1'").get(0).pipelines().get(0).commands().get(0).words().get(0).assignmentName());
    }

    @Test
    void mistakesGiveBashsMessages() {
        assertEquals("syntax error near unexpected token `|'", assertThrows(SyntaxError.class, () -> Parser.parse("| a")).getMessage());
        assertEquals("syntax error near unexpected token `newline'", assertThrows(SyntaxError.class, () -> Parser.parse("a |")).getMessage());
        assertEquals("syntax error near unexpected token `&&'", assertThrows(SyntaxError.class, () -> Parser.parse("a && && b")).getMessage());
        assertEquals("syntax error near unexpected token `newline'", assertThrows(SyntaxError.class, () -> Parser.parse("a >")).getMessage());
        assertEquals("syntax error: unterminated quoted string", assertThrows(SyntaxError.class, () -> Parser.parse("echo 'x")).getMessage());
        assertEquals("syntax error: unterminated quoted string", assertThrows(SyntaxError.class, () -> Parser.parse("echo \"x")).getMessage());
        assertEquals("${a-b}: bad substitution", assertThrows(SyntaxError.class, () -> Parser.parse("echo ${a-b}")).getMessage());
    }
}
