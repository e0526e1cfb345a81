package cc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the body of a character constant or string literal (the text between the quotes),
 * processing the escape sequences of C11 6.4.4.4: {@code \n \t \r \a \b \f \v \\ \' \" \?},
 * octal {@code \ooo} (one to three digits, so {@code \0} is NUL), hexadecimal
 * {@code \xhh...}, the universal character names &#92;uhhhh and &#92;Uhhhhhhhh, and GCC's
 * {@code \e} (ESC).
 *
 * <p>A plain literal decodes to bytes: other characters are encoded in UTF-8, the execution
 * character set of Clonix, and an escape must fit in a byte. A wide one decodes to 16-bit
 * (UTF-16, for {@code u}) or 32-bit code units (the code point, for {@code L} and {@code U}).
 */
public final class Escapes {
    /**
     * The outcome of {@link #decode}: either {@code error} is null, or it is the message;
     * {@code warning}, if not null, is about a literal that was decoded all the same.
     */
    public record Decoded(byte[] bytes, String error, String warning) {
    }

    /** The outcome of {@link #decodeUnits}, as {@link Decoded}. */
    public record WideDecoded(int[] units, String error, String warning) {
    }

    private Escapes() {
    }

    /** Decodes a plain (or u8) literal's {@code body} into bytes. Never throws. */
    public static Decoded decode(String body) {
        WideDecoded d = decodeUnits(body, 8);
        if (d.error() != null) return new Decoded(null, d.error(), null);
        byte[] bytes = new byte[d.units().length];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) d.units()[i];
        return new Decoded(bytes, null, d.warning());
    }

    /** Decodes a wide ({@code L} or {@code U}) literal's {@code body} into 32-bit code units. Never throws. */
    public static WideDecoded decodeWide(String body) {
        return decodeUnits(body, 32);
    }

    /**
     * Decodes {@code body} into code units of {@code bits} bits: 8 (UTF-8), 16 (UTF-16, a
     * character past U+FFFF becoming a surrogate pair) or 32 (the code point). A character
     * written in the source or as a universal character name is encoded so; an octal or hex
     * escape is one code unit and must fit in it. Never throws.
     */
    public static WideDecoded decodeUnits(String body, int bits) {
        int[] out = new int[body.length() * 4];
        int n = 0;
        String warning = null;
        long max = bits == 32 ? 0xffff_ffffL : (1L << bits) - 1;
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\') {
                int cp = body.codePointAt(i);
                i += Character.charCount(cp);
                n = encode(cp, bits, out, n);
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
                case 'e': case 'E': v = 27; break; // ESC, a GNU extension
                case '\\': case '\'': case '"': case '?': v = e; break;
                case 'u': case 'U': {
                    int digits = e == 'u' ? 4 : 8;
                    if (i + digits > body.length()) return failure("incomplete universal character name \\" + e + body.substring(i));
                    long cp = 0;
                    for (int k = 0; k < digits; k++) {
                        int d = Character.digit(body.charAt(i + k), 16);
                        if (d < 0) return failure("incomplete universal character name \\" + e + body.substring(i, i + k));
                        cp = cp * 16 + d;
                    }
                    String ucn = "\\" + e + body.substring(i, i + digits);
                    i += digits;
                    // C11 6.4.3: not a surrogate, not past Unicode, not basic (below U+00A0) but $ @ `.
                    boolean basic = cp < 0xA0 && cp != '$' && cp != '@' && cp != '`';
                    if (basic || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        return failure(ucn + " is not a valid universal character");
                    }
                    n = encode((int) cp, bits, out, n);
                    continue;
                }
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
                        // As GCC: a warning, and the character stands for itself.
                        int cp = body.codePointAt(i - 1);
                        if (warning == null) warning = "unknown escape sequence: '\\" + new String(Character.toChars(cp)) + "'";
                        i += Character.charCount(cp) - 1;
                        n = encode(cp, bits, out, n);
                        continue;
                    }
                    v = e - '0';
                    for (int k = 1; k < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; k++) {
                        v = v * 8 + (body.charAt(i++) - '0');
                    }
                    if (v > max) return failure("octal escape sequence out of range");
            }
            out[n++] = (int) v;
        }
        return new WideDecoded(Arrays.copyOf(out, n), null, warning);
    }

    /** Stores code point {@code cp} at {@code out[n]} as code units of {@code bits} bits; returns the new n. */
    private static int encode(int cp, int bits, int[] out, int n) {
        if (bits == 32) {
            out[n++] = cp;
        } else if (bits == 16) {
            for (char u : Character.toChars(cp)) out[n++] = u;
        } else {
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) out[n++] = b & 0xff;
        }
        return n;
    }

    private static WideDecoded failure(String message) {
        return new WideDecoded(null, message, null);
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
