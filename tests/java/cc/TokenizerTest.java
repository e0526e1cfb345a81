package cc;

import diag.CompileException;
import diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Translation phases 1-3: tokens, their values and types, splicing and comments. */
class TokenizerTest {
    private static List<Token> lex(String src) throws CompileException {
        return Tokenizer.tokenize("t.c", src);
    }

    private static Token one(String src) throws CompileException {
        List<Token> ts = lex(src);
        assertEquals(2, ts.size(), "expected one token and EOF for " + src);
        return ts.get(0);
    }

    private static void assertNumber(String src, long value, String type) throws CompileException {
        Token t = one(src);
        assertEquals(Token.Kind.NUMBER, t.kind, src);
        assertEquals(value, t.value, src);
        assertEquals(type, t.type, src);
    }

    @Test
    void decimalConstantsTakeTheFirstSignedTypeThatFits() throws CompileException {
        assertNumber("0", 0, "int");
        assertNumber("2147483647", 2147483647L, "int");
        assertNumber("2147483648", 2147483648L, "long");
        assertNumber("9223372036854775807", Long.MAX_VALUE, "long");
        assertNumber("2147483647LL", 2147483647L, "long long");
        assertNumber("5l", 5, "long");
    }

    @Test
    void hexOctalAndBinaryConstantsMayBecomeUnsigned() throws CompileException {
        assertNumber("0x7fffffff", 0x7fffffffL, "int");
        assertNumber("0xffffffff", 0xffffffffL, "unsigned int");
        assertNumber("0XFFFFFFFFF", 0xfffffffffL, "long");
        assertNumber("0xffffffffffffffff", -1L, "unsigned long");
        assertNumber("0xffffffffffffffffll", -1L, "unsigned long long");
        assertNumber("017", 15, "int");
        assertNumber("037777777777", 0xffffffffL, "unsigned int");
        assertNumber("0b1010", 10, "int");
        assertNumber("0B11111111111111111111111111111111", 0xffffffffL, "unsigned int");
    }

    @Test
    void everySuffixSpellingIsAccepted() throws CompileException {
        assertNumber("1u", 1, "unsigned int");
        assertNumber("1U", 1, "unsigned int");
        assertNumber("4294967296u", 4294967296L, "unsigned long");
        assertNumber("1ul", 1, "unsigned long");
        assertNumber("1LU", 1, "unsigned long");
        assertNumber("1uL", 1, "unsigned long");
        assertNumber("1ll", 1, "long long");
        assertNumber("1LL", 1, "long long");
        assertNumber("1ull", 1, "unsigned long long");
        assertNumber("1LLU", 1, "unsigned long long");
        assertNumber("1llU", 1, "unsigned long long");
        assertNumber("0x10UL", 16, "unsigned long");
    }

    @Test
    void characterConstantsUseEveryEscapeAndPlainCharIsSigned() throws CompileException {
        String[] spellings = {"'a'", "'\\n'", "'\\t'", "'\\r'", "'\\a'", "'\\b'", "'\\f'", "'\\v'",
            "'\\\\'", "'\\''", "'\\\"'", "'\\?'", "'\\0'", "'\\101'", "'\\x41'", "'\"'"};
        long[] values = {97, 10, 9, 13, 7, 8, 12, 11, 92, 39, 34, 63, 0, 65, 65, 34};
        for (int i = 0; i < spellings.length; i++) {
            Token t = one(spellings[i]);
            assertEquals(Token.Kind.CHAR, t.kind);
            assertEquals(values[i], t.value, spellings[i]);
            assertEquals("int", t.type);
        }
        assertEquals(-1, one("'\\xff'").value);
        assertEquals(-1, one("'\\377'").value);
        assertEquals(-128, one("'\\x80'").value);
        assertEquals(('a' << 8) | 'b', one("'ab'").value, "multi-character constant as GCC computes it");
        assertEquals(0xe9, one("L'é'").value);
        assertEquals("int", one("L'é'").type);
        assertEquals(-1, one("L'\\xffffffff'").value, "wchar_t is a signed int");
        assertEquals(0xffffffffL, one("U'\\xffffffff'").value);
        assertEquals("unsigned int", one("U'\\0'").type);
        assertEquals(0x20ac, one("u'\\u20ac'").value);
        assertEquals("unsigned short", one("u'a'").type, "char16_t");
        assertEquals(27, one("'\\e'").value, "GCC's escape for ESC");
        assertEquals('b', one("L'ab'").value, "too long: the last character, with a warning, as GCC");
        assertEquals(0xde00, one("u'\\U0001F600'").value, "the low surrogate, as GCC");
    }

    @Test
    void wideStringsHoldLittleEndianCodeUnits() throws CompileException {
        Token l = one("L\"a\\u00e9\"");
        assertEquals("int", l.type, "wchar_t");
        assertArrayEquals(new byte[] {'a', 0, 0, 0, (byte) 0xe9, 0, 0, 0}, l.bytes);
        Token u = one("u\"\\U0001F600\"");
        assertEquals("unsigned short", u.type, "char16_t, UTF-16");
        assertArrayEquals(new byte[] {0x3d, (byte) 0xd8, 0x00, (byte) 0xde}, u.bytes);
        assertEquals("unsigned int", one("U\"x\"").type, "char32_t");
        assertArrayEquals("é😀".getBytes(StandardCharsets.UTF_8), one("\"\\u00e9\\U0001F600\"").bytes,
                "a universal character name in a plain string is UTF-8");
        assertEquals(null, one("u8\"x\"").type);
    }

    @Test
    void identifiersMayHoldNonAsciiLetters() throws CompileException {
        Token t = one("größe_😀");
        assertEquals(Token.Kind.IDENT, t.kind);
        assertEquals("größe_😀", t.text);
    }

    @Test
    void stringLiteralsDecodeEscapesIntoBytes() throws CompileException {
        Token t = one("\"a\\tb\\n\\x41\\101\\0z\\\"\"");
        assertEquals(Token.Kind.STRING, t.kind);
        assertArrayEquals(new byte[] {'a', '\t', 'b', '\n', 'A', 'A', 0, 'z', '"'}, t.bytes);
        assertArrayEquals(new byte[0], one("\"\"").bytes);
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), one("\"é\"").bytes);
        assertArrayEquals(new byte[] {'h', 'i'}, one("u8\"hi\"").bytes);
        // An octal escape stops after three digits; a hex escape takes every hex digit.
        assertArrayEquals(new byte[] {1, '2', '4'}, one("\"\\0012\\x34\"").bytes);
        assertArrayEquals(new byte[] {(byte) 0xab}, one("\"\\x0000ab\"").bytes);
    }

    @Test
    void punctuatorsUseTheLongestMatch() throws CompileException {
        String src = "... <<= >>= -> ++ -- << >> <= >= == != && || *= /= %= += -= &= ^= |= ## # "
                + "[ ] ( ) { } . & * + - ~ ! / % < > ^ | ? : ; = ,";
        List<Token> ts = lex(src);
        String[] expected = src.split(" ");
        assertEquals(expected.length + 1, ts.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Token.Kind.PUNCT, ts.get(i).kind);
            assertEquals(expected[i], ts.get(i).text);
        }
        List<Token> packed = lex("a+++++b<<==c...d->e");
        String[] texts = packed.stream().map(t -> t.text).toArray(String[]::new);
        assertArrayEquals(new String[] {"a", "++", "++", "+", "b", "<<=", "=", "c", "...", "d", "->", "e", ""}, texts);
    }

    @Test
    void identifiersMayHoldDigitsUnderscoresAndDollars() throws CompileException {
        Token t = one("_a1$b");
        assertEquals(Token.Kind.IDENT, t.kind);
        assertEquals("_a1$b", t.text);
    }

    @Test
    void backslashNewlineSplicesLinesButPositionsStayPhysical() throws CompileException {
        List<Token> ts = lex("in\\\nt x\\\r\n1 = 1\\\n2;");
        assertEquals("int", ts.get(0).text);
        assertEquals(1, ts.get(0).line);
        assertEquals("x1", ts.get(1).text);
        assertEquals(2, ts.get(1).line);
        assertEquals(3, ts.get(1).column);
        assertEquals(12, ts.get(3).value);
        assertEquals(3, ts.get(3).line);
    }

    @Test
    void commentsBecomeWhitespaceAndNewlinesMarkLineStarts() throws CompileException {
        List<Token> ts = lex("a/**/b /* multi\nline */ c // to end\n  d");
        assertEquals(List.of("a", "b", "c", "d", ""), ts.stream().map(t -> t.text).toList());
        assertFalse(ts.get(0).spaceBefore);
        assertTrue(ts.get(0).atLineStart);
        assertTrue(ts.get(1).spaceBefore, "a comment counts as a space");
        assertFalse(ts.get(2).atLineStart, "a newline inside a comment does not end the logical line");
        assertTrue(ts.get(3).atLineStart);
        assertTrue(ts.get(3).spaceBefore);
        assertEquals(3, ts.get(3).line);
        assertEquals(3, ts.get(3).column);
        assertEquals(Token.Kind.EOF, ts.get(4).kind);
    }

    @Test
    void everyLineEndingStartsANewLine() throws CompileException {
        List<Token> ts = lex("a\r\nb\rc\nd");
        for (int i = 0; i < 4; i++) {
            assertEquals(i + 1, ts.get(i).line);
            assertEquals(1, ts.get(i).column);
            assertTrue(ts.get(i).atLineStart);
        }
        assertEquals(List.of(Token.Kind.EOF), lex("").stream().map(t -> t.kind).toList());
    }

    private static List<Diagnostic> errors(String src) {
        CompileException e = assertThrows(CompileException.class, () -> lex(src));
        return e.diagnostics();
    }

    private static void assertError(Diagnostic d, int line, int col, String message) {
        assertEquals("t.c:" + line + ":" + col + ": error: " + message, d.toString());
    }

    @Test
    void malformedTokensAreReportedTogetherWithExactPositions() {
        List<Diagnostic> ds = errors("int a = 1.5q;\nchar *s = \"abc\n@ 12qq '\\x' 08 '' 1e+ 0x");
        assertError(ds.get(0), 1, 9, "invalid suffix \"q\" on floating constant");
        assertError(ds.get(1), 2, 11, "missing terminating \" character");
        assertError(ds.get(2), 3, 1, "stray '@' in program");
        assertError(ds.get(3), 3, 3, "invalid suffix \"qq\" on integer constant");
        assertError(ds.get(4), 3, 8, "\\x used with no following hex digits");
        assertError(ds.get(5), 3, 13, "invalid digit \"8\" in octal constant");
        assertError(ds.get(6), 3, 16, "empty character constant");
        assertError(ds.get(7), 3, 19, "exponent has no digits");
        assertError(ds.get(8), 3, 23, "invalid suffix \"x\" on integer constant");
        assertEquals(9, ds.size());
    }

    @Test
    void otherLexicalErrors() {
        assertError(errors("x /* never closed\n").get(0), 1, 3, "unterminated /* comment");
        assertError(errors("'a").get(0), 1, 1, "missing terminating ' character");
        assertError(errors("\"\\x100\"").get(0), 1, 1, "hex escape sequence out of range");
        assertError(errors("18446744073709551616").get(0), 1, 1, "integer constant is too large for its type");
        assertError(errors("1lL").get(0), 1, 1, "invalid suffix \"lL\" on integer constant");
        assertError(errors("L''").get(0), 1, 1, "empty character constant");
        assertError(errors("u\"\\x10000\"").get(0), 1, 1, "hex escape sequence out of range");
        assertError(errors("\"\\u0041\"").get(0), 1, 1, "\\u0041 is not a valid universal character");
        assertError(errors("\"\\uD800\"").get(0), 1, 1, "\\uD800 is not a valid universal character");
        assertError(errors("\"\\u12\"").get(0), 1, 1, "incomplete universal character name \\u12");
        assertError(errors("0x1.8").get(0), 1, 1, "hexadecimal floating constants require an exponent");
    }

    @Test
    void diagnosticsRenderTheLineAndACaret() {
        CompileException e = assertThrows(CompileException.class, () -> lex("int x;\n  y = 2.0e;\n"));
        assertEquals("t.c:2:7: error: exponent has no digits\n"
                + "  y = 2.0e;\n"
                + "      ^\n"
                + "1 error generated.\n", e.render());
    }
}
