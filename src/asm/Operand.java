package asm;

/**
 * One operand of a statement, as the parser found it.
 *
 * <p>A lone register name is parsed as {@link Kind#REG}, but where an instruction or
 * directive expects a value it is read as a symbol instead ({@link #asExpr()}), so that a C
 * global called {@code s1} or {@code zero} can still be named: {@code la a0, s1}.
 */
final class Operand {
    enum Kind {
        /** A register name: {@code a0}, {@code r5}. */
        REG,
        /** An expression: {@code 42}, {@code msg+4}, {@code .-start}. */
        EXPR,
        /** A memory reference {@code offset(base)}; the offset may be absent. */
        MEM,
        /** A string literal. */
        STRING
    }

    final Kind kind;
    /** The first token of the operand, where a caret for it belongs. */
    final Token tok;
    /** The register (REG) or base register (MEM). */
    final int reg;
    /** The expression (EXPR) or offset (MEM, null when written as {@code (base)}). */
    final Expr expr;

    private Operand(Kind kind, Token tok, int reg, Expr expr) {
        this.kind = kind;
        this.tok = tok;
        this.reg = reg;
        this.expr = expr;
    }

    static Operand reg(Token tok, int reg) {
        return new Operand(Kind.REG, tok, reg, null);
    }

    static Operand expr(Expr e) {
        return new Operand(Kind.EXPR, e.start(), -1, e);
    }

    static Operand mem(Token tok, Expr offset, int base) {
        return new Operand(Kind.MEM, tok, base, offset);
    }

    static Operand string(Token tok) {
        return new Operand(Kind.STRING, tok, -1, null);
    }

    /** The string literal's bytes (STRING only). */
    byte[] bytes() {
        return tok.bytes;
    }

    /** The operand as an expression: a REG operand becomes the symbol of the same name. */
    Expr asExpr() {
        return kind == Kind.REG ? new Expr.Sym(tok) : expr;
    }

    /** True if the operand can be read as an expression (EXPR, or a register name used as a symbol). */
    boolean isExpr() {
        return kind == Kind.EXPR || kind == Kind.REG;
    }

    /** The name, when the operand is a bare symbol (or register) name; else null. */
    String name() {
        if (!isExpr()) return null;
        Expr e = asExpr();
        return e instanceof Expr.Sym && !((Expr.Sym) e).name.equals(".") ? ((Expr.Sym) e).name : null;
    }
}
