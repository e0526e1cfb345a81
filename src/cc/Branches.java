package cc;

/**
 * Conditions compiled straight to branches. A condition that only decides where to jump
 * ({@code if}, loops, {@code ?:}) never needs its 0-or-1 value: {@code i < n} becomes one
 * {@code bge i, n, else} instead of {@code slt} then {@code beq}, {@code !x} just flips the
 * sense of the branch, and {@code a && b} / {@code a || b} become a chain of branches that
 * skips the second operand, as C's short-circuit rule requires, without building a value.
 */
final class Branches {
    private final Codegen g;

    Branches(Codegen g) {
        this.g = g;
    }

    /**
     * Evaluates condition {@code cond} and jumps to {@code target} if its truth equals
     * {@code when}; falls through otherwise. The register stack is left as it was.
     */
    void branchIf(Node cond, String target, boolean when) {
        switch (cond.kind) {
            case NOT -> branchIf(cond.lhs, target, !when);
            case LOGAND, LOGOR -> {
                // (a && b) is false as soon as a is false; (a || b) is true as soon as a is true.
                boolean decidesEarly = cond.kind == Node.Kind.LOGOR;
                if (when == decidesEarly) {
                    branchIf(cond.lhs, target, when);
                    branchIf(cond.rhs, target, when);
                } else {
                    String skip = g.label();
                    branchIf(cond.lhs, skip, decidesEarly);
                    branchIf(cond.rhs, target, when);
                    g.emitLabel(skip);
                }
            }
            case EQ, NE, LT, LE -> {
                if (cond.lhs.type.isFloat()) branchOnValue(cond, target, when);
                else compareAndBranch(cond, target, when);
            }
            default -> branchOnValue(cond, target, when);
        }
    }

    /**
     * Computes {@code cond}'s value and branches on it. This is the only way to test a
     * floating comparison: the machine's branches compare integers, and rewriting
     * {@code !(a < b)} as {@code a >= b} would be wrong for a NaN.
     */
    private void branchOnValue(Node cond, String target, boolean when) {
        // An integer or pointer register local is tested where it lives (not a floating one:
        // -0.0 is false but its bits are not zero).
        Node value = Arithmetic.stripNoOpCasts(cond);
        String home = g.registerOf(value);
        if (home != null && !value.type.isFloat() && !cond.type.isFloat()) {
            g.emit((when ? "bne\t" : "beq\t") + home + ", zero, " + target);
            return;
        }
        String c = g.gen(cond);
        g.emit((when ? "bne\t" : "beq\t") + c + ", zero, " + target);
        g.pop();
    }

    /**
     * A comparison and its branch as one instruction: the machine has {@code beq bne blt bge
     * bltu bgeu} on two registers, so {@code a <= b} is tested as {@code b >= a} and its
     * negation {@code a > b} as {@code b < a}. A comparison with the constant 0 uses the
     * {@code zero} register rather than loading the constant.
     */
    private void compareAndBranch(Node cond, String target, boolean when) {
        boolean unsigned = cond.lhs.type.unsigned;
        // Operands that are register locals or loop constants are compared where they live.
        String leftHome = home(cond.lhs);
        boolean rightIsZero = cond.rhs.kind == Node.Kind.NUM && cond.rhs.val == 0;
        String rightHome = rightIsZero ? "zero" : home(cond.rhs);
        String left, right;
        int pushed = 0;
        if (leftHome != null || rightHome != null) {
            left = leftHome != null ? leftHome : g.gen(cond.lhs);
            right = rightHome != null ? rightHome : g.gen(cond.rhs);
            pushed = (leftHome == null ? 1 : 0) + (rightHome == null ? 1 : 0);
        } else if (Arithmetic.need(cond.rhs) > Arithmetic.need(cond.lhs)) {
            // Evaluate the operand needing more registers first, as Arithmetic.binary does.
            right = g.gen(cond.rhs);
            left = g.gen(cond.lhs);
            pushed = 2;
        } else {
            left = g.gen(cond.lhs);
            right = g.gen(cond.rhs);
            pushed = 2;
        }
        // Reduce the test to "a OP b" with OP one of eq, ne, lt, ge.
        String op;
        String a = left, b = right;
        switch (cond.kind) {
            case EQ -> op = when ? "beq" : "bne";
            case NE -> op = when ? "bne" : "beq";
            case LT -> op = when ? "blt" : "bge";
            default -> {
                // a <= b is b >= a; a > b is b < a.
                op = when ? "bge" : "blt";
                a = right;
                b = left;
            }
        }
        if (unsigned && (op.equals("blt") || op.equals("bge"))) op += "u";
        g.emit(op + "\t" + a + ", " + b + ", " + target);
        for (int i = 0; i < pushed; i++) g.pop();
    }

    /** The register operand {@code n} already lives in: a register local's, or a loop constant's ({@link LoopConstants}). */
    private String home(Node n) {
        Node value = Arithmetic.stripNoOpCasts(n);
        String home = g.registerOf(value);
        return home != null ? home : g.constantIn(value);
    }
}
