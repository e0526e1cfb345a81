package trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON parser for the tests (RFC 8259: objects, arrays, strings with
 * escapes, numbers, true/false/null). Returns Map (insertion order), List, String, Double,
 * Boolean or null; throws IllegalArgumentException with the offset on any syntax error.
 */
public final class JsonChecker {
    private final String text;
    private int pos;

    private JsonChecker(String text) { this.text = text; }

    /** Parses {@code text}, which must hold exactly one JSON value (whitespace around it allowed). */
    public static Object parse(String text) {
        JsonChecker p = new JsonChecker(text);
        Object v = p.value();
        p.space();
        if (p.pos != text.length()) throw p.error("trailing characters");
        return v;
    }

    private Object value() {
        space();
        if (pos >= text.length()) throw error("unexpected end");
        char c = text.charAt(pos);
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '"') return string();
        if (text.startsWith("true", pos)) { pos += 4; return Boolean.TRUE; }
        if (text.startsWith("false", pos)) { pos += 5; return Boolean.FALSE; }
        if (text.startsWith("null", pos)) { pos += 4; return null; }
        return number();
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        space();
        if (peek() == '}') { pos++; return m; }
        while (true) {
            space();
            if (peek() != '"') throw error("expected a key");
            String key = string();
            space();
            expect(':');
            if (m.put(key, value()) != null) throw error("duplicate key " + key);
            space();
            if (peek() == ',') { pos++; continue; }
            expect('}');
            return m;
        }
    }

    private List<Object> array() {
        List<Object> a = new ArrayList<>();
        pos++;
        space();
        if (peek() == ']') { pos++; return a; }
        while (true) {
            a.add(value());
            space();
            if (peek() == ',') { pos++; continue; }
            expect(']');
            return a;
        }
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) throw error("unterminated string");
            char c = text.charAt(pos++);
            if (c == '"') return b.toString();
            if (c < 0x20) throw error("control character in string");
            if (c != '\\') { b.append(c); continue; }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> { b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16)); pos += 4; }
                default -> throw error("bad escape");
            }
        }
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') pos++;
        else if (Character.isDigit(peek())) while (Character.isDigit(peek())) pos++;
        else throw error("expected a value");
        if (peek() == '.') {
            pos++;
            if (!Character.isDigit(peek())) throw error("digit expected after the point");
            while (Character.isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!Character.isDigit(peek())) throw error("digit expected in exponent");
            while (Character.isDigit(peek())) pos++;
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        pos++;
    }

    private void space() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) pos++;
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException(why + " at offset " + pos);
    }
}
