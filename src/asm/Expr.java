package asm;

/**
 * An expression as parsed: a small tree evaluated in each pass against the symbols known
 * at that moment (see {@link Value}).
 */
abstract class Expr {
    /** The token to point at when this expression is wrong. */
    final Token tok;
    /** Height of the tree; the parser caps it so that evaluation cannot overflow the stack. */
    final int depth;

    Expr(Token tok, int depth) {
        this.tok = tok;
        this.depth = depth;
    }

    /** What the evaluator needs from the assembler: symbol values and the location counter. */
    interface Env {
        /** The value of the symbol named by {@code name}. */
        Value symbol(Token name);

        /** The value of "." (the current location). */
        Value location();
    }

    abstract Value eval(Env env);

    /** A number or character literal. */
    static final class Num extends Expr {
        final long value;

        Num(Token tok, long value) {
            super(tok, 1);
            this.value = value;
        }

        @Override
        Value eval(Env env) {
            return Value.constant(value);
        }
    }

    /** A symbol name, or "." for the location counter. */
    static final class Sym extends Expr {
        final String name;

        Sym(Token tok) {
            super(tok, 1);
            this.name = tok.text;
        }

        @Override
        Value eval(Env env) {
            return name.equals(".") ? env.location() : env.symbol(tok);
        }
    }

    /** {@code %tpoff(e)}, the thread-pointer offset of a thread-local symbol; {@code tok} is '%'. */
    static final class TpOff extends Expr {
        final Expr operand;

        TpOff(Token op, Expr operand) {
            super(op, operand.depth + 1);
            this.operand = operand;
        }

        @Override
        Value eval(Env env) {
            return Value.tpoff(tok, operand.eval(env));
        }
    }

    /** {@code -e}, {@code ~e}, {@code +e}; {@code tok} is the operator. */
    static final class Unary extends Expr {
        final Expr operand;

        Unary(Token op, Expr operand) {
            super(op, operand.depth + 1);
            this.operand = operand;
        }

        @Override
        Value eval(Env env) {
            return Value.unary(tok, operand.eval(env));
        }
    }

    /** {@code l op r}; {@code tok} is the operator. */
    static final class Binary extends Expr {
        final Expr left;
        final Expr right;

        Binary(Token op, Expr left, Expr right) {
            super(op, Math.max(left.depth, right.depth) + 1);
            this.left = left;
            this.right = right;
        }

        @Override
        Value eval(Env env) {
            Value a = left.eval(env), b = right.eval(env);
            switch (tok.text) {
                case "+": return Value.add(tok, a, b);
                case "-": return Value.sub(tok, a, b);
                default: return Value.arith(tok, a, b);
            }
        }
    }

    /** The leftmost token, where a caret for the whole expression belongs. */
    Token start() {
        Expr e = this;
        while (e instanceof Binary) e = ((Binary) e).left;
        return e.tok;
    }
}
