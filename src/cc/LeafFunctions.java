package cc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Leaf functions, those that call nothing, and the registers they may use for free.
 *
 * <p>A function normally keeps its expression stack and register locals in the callee-saved
 * s-registers, so that their values survive the calls it makes, and pays a save and a
 * restore for each one it uses. A leaf makes no call, so the caller-saved registers (the
 * t-registers, and the a-registers that hold no argument) keep their values just as well
 * and cost nothing. {@link Codegen} generates each function once with s-registers; if the
 * body turns out to call nothing, it generates it again with the registers
 * {@link #freeRegisters} names in front. Only the names of the stack and register-local
 * registers differ between the two passes, so every register the first pass named for its
 * own purpose (an argument, a0 for the result, a scratch t-register) is named by the
 * second too, and is therefore left out of the free ones.
 *
 * <p>A leaf that then needs no s-register and no frame slot gets no frame at all: no
 * stack adjustment and no ra or fp saved, seven instructions fewer per call. A leaf that
 * does keep something in memory still saves neither ra nor fp: it addresses its frame
 * from a caller-saved register it leaves free ({@link Codegen#frameBase}). A backtrace
 * taken inside either still finds its caller: ra holds the return address, and the walk up
 * the frame-pointer chain starts from the caller's fp, which the leaf never changed
 * (kernel/trace/Symbolizer.java, the backtrace that takes ra).
 */
final class LeafFunctions {
    private LeafFunctions() {}

    /**
     * How many registers a leaf's locals and expression stack share, and how many of them
     * may hold locals: more than a function that calls gets (ten and five), since the free
     * caller-saved registers come on top of the s-registers.
     */
    static final int REGISTERS = 16, REGISTER_LOCALS = 8;

    /** The caller-saved registers a leaf may use, in the order it should take them. */
    private static final List<String> CALLER_SAVED = List.of(
            "t8", "t7", "t6", "t5", "t4", "t3", "t2", "t1", "t0", "a7", "a6", "a5", "a4", "a3", "a2", "a1");

    private static final Pattern CALL = Pattern.compile("^\\t(call|callr)\\t", Pattern.MULTILINE);

    /** The text of {@code body} without its comments (the C source lines they quote name anything). */
    static String code(String body) {
        return body.replaceAll("(?m)#.*$", "");
    }

    /** True if the function body {@code code} (comments stripped) makes no call. */
    static boolean isLeaf(String code) {
        return !CALL.matcher(code).find();
    }

    /** True if {@code code} names register {@code reg} as an operand (or as a symbol: either way it is taken). */
    static boolean names(String code, String reg) {
        return Pattern.compile("(?<![\\w.])" + reg + "(?!\\w)").matcher(code).find();
    }

    /** The caller-saved registers that the leaf body {@code code} does not name. */
    static List<String> freeRegisters(String code) {
        List<String> free = new ArrayList<>();
        for (String r : CALLER_SAVED) if (!names(code, r)) free.add(r);
        return free;
    }

    /** True for a register a function must save before using (s1..s10). */
    static boolean calleeSaved(String reg) {
        return reg.startsWith("s");
    }
}
