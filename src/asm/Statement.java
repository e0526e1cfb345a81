package asm;

import java.util.List;

/**
 * One source line after parsing: its labels, then an instruction or directive with operands.
 *
 * <p>The two passes both walk the same list of statements; pass 1 records here what pass 2
 * must repeat exactly, so that every label keeps the address pass 1 gave it.
 */
final class Statement {
    final int line;
    /** Labels defined at the start of the line ({@code name:}), in order. */
    final List<Token> labels;
    /** The mnemonic or directive name (a directive starts with '.'); null on a label-only line. */
    final Token op;
    final List<Operand> operands;

    /** Set when pass 1 reported an error: pass 2 then skips the statement instead of reporting it again. */
    boolean failed;
    /** Bytes the statement occupied in pass 1. */
    long size;
    /** Pass 1's decision for {@code li}: true if it needs the two-instruction li + lih form. */
    boolean wideLi;

    Statement(int line, List<Token> labels, Token op, List<Operand> operands) {
        this.line = line;
        this.labels = labels;
        this.op = op;
        this.operands = operands;
    }

    /** The name in lower case ("add", ".word"), or "" for a label-only line. */
    String name() {
        return op == null ? "" : op.text.toLowerCase();
    }

    boolean isDirective() {
        return op != null && op.text.startsWith(".");
    }
}
