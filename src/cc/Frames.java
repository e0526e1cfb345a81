package cc;

import java.util.List;

/**
 * The prologue and epilogue around a function's body. The frame {@link Codegen} sized while
 * it generated the body lies below 16 bytes for ra and the caller's fp, which a function that
 * calls keeps at the top so that a backtrace can walk the fp chain (docs/isa.md, "Registers
 * and the calling convention"); fp points just above them. The callee-saved registers the
 * body names are saved at the frame's bottom, 8 bytes each from sp up.
 */
final class Frames {
    private Frames() {}

    /**
     * Appends the prologue, {@code body} and the epilogue of a function with a frame of
     * {@code frame} bytes below ra and fp; {@code namedSlots} is how many of a variadic
     * function's eight register arguments are named, and {@code returnLabel} the label the
     * body's returns jump to.
     */
    static void full(StringBuilder s, Obj f, String body, List<String> savedRegs, int frame, int namedSlots, String returnLabel) {
        int saved = savedRegs.size();
        boolean variadic = f.type.variadic;
        if (variadic) {
            // Spill the unnamed register arguments just below the stack arguments, so all
            // arguments form one array of 8-byte slots for va_arg to walk.
            s.append("\taddi\tsp, sp, -64\n");
            for (int k = namedSlots; k < 8; k++) s.append("\tsd\ta").append(k).append(", ").append(8 * k).append("(sp)\n");
        }
        // One stack adjustment for the whole frame; ra and the caller's fp go at its top.
        s.append(Codegen.addImmediate("sp", "sp", -(16L + frame)));
        s.append("\tsd\tra, ").append(frame + 8).append("(sp)\n\tsd\tfp, ").append(frame).append("(sp)\n");
        s.append(Codegen.addImmediate("fp", "sp", 16L + frame));
        saves(s, "sd", savedRegs);
        s.append(body);
        s.append(returnLabel).append(":\n");
        // Variable-length arrays may have moved sp: the frame's bottom is a fixed distance below fp.
        if (f.movesStack) s.append(Codegen.addImmediate("sp", "fp", -(16L + frame)));
        // sp is back at the bottom of the frame here (calls pop their stack arguments and
        // nothing else moves sp), so the epilogue mirrors the prologue from sp.
        saves(s, "ld", savedRegs);
        s.append("\tld\tra, ").append(frame + 8).append("(sp)\n\tld\tfp, ").append(frame).append("(sp)\n");
        s.append(Codegen.addImmediate("sp", "sp", 16L + frame + (variadic ? 64 : 0)));
        s.append("\tret\n");
    }

    /**
     * Appends the prologue, {@code body} and the epilogue of a leaf that keeps neither ra nor
     * fp: it calls nothing, so ra keeps the return address, and fp is left as the caller's,
     * which is all a backtrace needs (see {@link LeafFunctions}). The frame is laid out as
     * {@link #full} lays it out, the 16 bytes of ra and fp left unused, and {@code frameBase},
     * if it is not fp, is pointed where fp would point.
     */
    static void leaf(StringBuilder s, String body, List<String> savedRegs, int frame, String frameBase, String returnLabel) {
        int size = frame == 0 ? 0 : 16 + frame;
        if (size > 0) s.append(Codegen.addImmediate("sp", "sp", -size));
        if (!frameBase.equals("fp")) s.append(Codegen.addImmediate(frameBase, "sp", size));
        saves(s, "sd", savedRegs);
        s.append(body);
        s.append(returnLabel).append(":\n");
        saves(s, "ld", savedRegs);
        if (size > 0) s.append(Codegen.addImmediate("sp", "sp", size));
        s.append("\tret\n");
    }

    /** Appends {@code op} (sd or ld) of each saved register to its slot at the frame's bottom. */
    private static void saves(StringBuilder s, String op, List<String> savedRegs) {
        for (int j = 0; j < savedRegs.size(); j++) s.append('\t').append(op).append('\t').append(savedRegs.get(j)).append(", ").append(8 * j).append("(sp)\n");
    }
}
