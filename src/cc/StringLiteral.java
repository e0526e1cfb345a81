package cc;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * String literals and their encoding prefixes (C11 6.4.5): a plain or {@code u8} literal is
 * an array of char holding UTF-8, {@code L"..."} an array of wchar_t (int on x86-64 Linux,
 * so on Clonix), {@code u"..."} of char16_t (unsigned short, UTF-16) and {@code U"..."} of
 * char32_t (unsigned int, UTF-32). A STRING token keeps its contents as the bytes the array
 * holds in memory (little-endian code units, without the final null character) and the C
 * type of one element in {@link Token#type}: null for char, else the type's name.
 */
final class StringLiteral {
    /** The outcome of {@link #decode}: either {@code error} is null, or it is the message. */
    record Decoded(byte[] bytes, String elementType, String error, String warning) {
    }

    private StringLiteral() {
    }

    /** The element type's name for encoding prefix {@code prefix}: null for "" and "u8". */
    static String elementType(String prefix) {
        return switch (prefix) {
            case "L" -> "int";
            case "u" -> "unsigned short";
            case "U" -> "unsigned int";
            default -> null;
        };
    }

    /** The size in bytes of one element of a literal whose {@link Token#type} is {@code type}. */
    static int elementSize(String type) {
        if (type == null) return 1;
        return type.equals("unsigned short") ? 2 : 4;
    }

    /** The C type of one element of the string literal {@code t}. */
    static Type elementCType(Token t) {
        if (t.type == null) return Type.CHAR;
        return switch (t.type) {
            case "int" -> Type.INT;
            case "unsigned short" -> Type.USHORT;
            default -> Type.UINT;
        };
    }

    /**
     * Decodes the body (the text between the quotes) of a literal with encoding prefix
     * {@code prefix} into the bytes its array holds. Never throws.
     */
    static Decoded decode(String prefix, String body) {
        String type = elementType(prefix);
        Escapes.WideDecoded d = Escapes.decodeUnits(body, 8 * elementSize(type));
        if (d.error() != null) return new Decoded(null, type, d.error(), null);
        return new Decoded(encode(d.units(), elementSize(type)), type, null, d.warning());
    }

    /** Code units as little-endian bytes, {@code size} bytes each. */
    static byte[] encode(int[] units, int size) {
        byte[] out = new byte[units.length * size];
        for (int i = 0; i < units.length; i++) {
            for (int b = 0; b < size; b++) out[i * size + b] = (byte) (units[i] >>> (8 * b));
        }
        return out;
    }

    /**
     * Translation phase 6 for one run of adjacent literals: one STRING token at the place of
     * the first. Plain literals joined to wide ones of one kind take that kind (each is
     * decoded again in it, as C11 6.4.5p5 says); two different wide kinds, or u8 with a wide
     * kind, are an error, as in GCC.
     */
    static Token concatenate(List<Token> run) {
        Token first = run.get(0);
        StringBuilder text = new StringBuilder();
        String type = null, error = null;
        boolean utf8 = false;
        for (Token t : run) {
            text.append(text.length() == 0 ? "" : " ").append(t.text);
            if (error == null) error = t.error;
            utf8 |= t.text.startsWith("u8");
            if (t.type == null) continue;
            if (type != null && !type.equals(t.type)) error = "unsupported non-standard concatenation of string literals";
            type = t.type;
        }
        if (type != null && utf8 && error == null) error = "unsupported non-standard concatenation of string literals";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Token t : run) {
            if (error != null) break;
            if (t.type != null || type == null) {
                bytes.writeBytes(t.bytes);
                continue;
            }
            // A plain piece in a wide literal: its characters become wide characters.
            Decoded d = decode(prefixOf(type), t.text.substring(1, t.text.length() - 1));
            if (d.error() != null) error = d.error();
            else bytes.writeBytes(d.bytes());
        }
        return new Token(Token.Kind.STRING, text.toString(), first.file, first.line, first.column,
                first.source, first.spaceBefore, first.atLineStart, 0, type,
                error == null ? bytes.toByteArray() : new byte[0], error, first.hideSet);
    }

    private static String prefixOf(String type) {
        return switch (type) {
            case "int" -> "L";
            case "unsigned short" -> "u";
            default -> "U";
        };
    }
}
