package cc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the body of a character constant or string literal (the text between the quotes),
 * processing the escape sequences of C11 6.4.4.4: {@code \n \t \r \a \b \f \v \\ \' \" \?},
 * octal {@code \ooo} (one to three digits, so {@code \0} is NUL) and hexadecimal
 * {@code \xhh...}.
 *
 * <p>A plain literal decodes to bytes: other characters are encoded in UTF-8, the execution
 * character set of Clonix, and an escape must fit in a byte. A wide one ({@code L'x'},
 * {@code U'x'}) decodes to 32-bit code units: a character is its Unicode code point.
 */
public final class Escapes {
    /** The outcome of {@link #decode}: either {@code error} is null, or it is the message. */
    public record Decoded(byte[] bytes, String error) {
    }

    /** The outcome of {@link #decodeWide}: either {@code error} is null, or it is the message. */
    public record WideDecoded(int[] units, String error) {
    }

    private Escapes() {
    }

    /** Decodes a plain (or u8) literal's {@code body} into bytes. Never throws. */
    public static Decoded decode(String body) {
        WideDecoded d = units(body, false);
        if (d.error() != null) return new Decoded(null, d.error());
        byte[] bytes = new byte[d.units().length];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) d.units()[i];
        return new Decoded(bytes, null);
    }

    /** Decodes a wide literal's {@code body} into 32-bit code units. Never throws. */
    public static WideDecoded decodeWide(String body) {
        return units(body, true);
    }

    /** The shared decoder: code units are bytes unless {@code wide}. */
    private static WideDecoded units(String body, boolean wide) {
        int[] out = new int[body.length() * 4];
        int n = 0;
        long max = wide ? 0xffff_ffffL : 0xff;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                int cp = body.codePointAt(i);
                i += Character.charCount(cp);
                if (wide) {
                    out[n++] = cp;
                } else {
                    for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) out[n++] = b & 0xff;
                }
                continue;
            }
            if (i + 1 >= body.length()) return failure("incomplete escape sequence");
            char e = body.charAt(i + 1);
            i += 2;
            long v;
            switch (e) {
                case 'n': v = '\n'; break;
                case 't': v = '\t'; break;
                case 'r': v = '\r'; break;
                case 'a': v = 7; break;
                case 'b': v = '\b'; break;
                case 'f': v = '\f'; break;
                case 'v': v = 11; break;
                case '\\': case '\'': case '"': case '?': v = e; break;
                case 'x': {
                    int start = i;
                    v = 0;
                    boolean tooBig = false;
                    while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(body.charAt(i), 16);
                        if (v > max) {
                            tooBig = true;
                            v = 0;
                        }
                        i++;
                    }
                    if (i == start) return failure("\\x used with no following hex digits");
                    if (tooBig) return failure("hex escape sequence out of range");
                    break;
                }
                default:
                    if (e < '0' || e > '7') {
                        String shown = new String(Character.toChars(body.codePointAt(i - 1)));
                        return failure("unknown escape sequence '\\" + shown + "'");
                    }
                    v = e - '0';
                    for (int k = 1; k < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                        v = v * 8 + (body.charAt(i++) - '0');
                    }
                    if (v > max) return failure("octal escape sequence out of range");
            }
            out[n++] = (int) v;
        }
        return new WideDecoded(Arrays.copyOf(out, n), null);
    }

    private static WideDecoded failure(String message) {
        return new WideDecoded(null, message);
    }

    /**
     * The int value of a character constant with these bytes: one byte is a plain char,
     * which is signed on Clonix as on x86-64, so '\xff' is -1; several bytes make a
     * multi-character constant whose value is computed as GCC does (each byte shifted in
     * from the right, truncated to 32 bits). The caller rejects an empty constant.
     */
    public static long charValue(byte[] bytes) {
        if (bytes.length == 1) return bytes[0];
        int v = 0;
        for (byte b : bytes) v = (v << 8) | (b & 0xff);
        return v;
    }
}
