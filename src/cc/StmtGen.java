package cc;

/**
 * Code for statements: control flow becomes labels and branches (conditions through
 * {@link Branches}; loops test at the bottom); expression statements are evaluated only for
 * their effects ({@link #genForEffect}). Each statement starts with a comment naming its
 * C line.
 */
final class StmtGen {
    private final Codegen g;

    StmtGen(Codegen g) {
        this.g = g;
    }

    /** Emits the code of statement {@code n}; the register stack is left as it was. */
    void stmt(Node n) {
        switch (n.kind) {
            case BLOCK -> {
                for (Node s : n.body) stmt(s);
            }
            case NULL_STMT -> {
            }
            case EXPR_STMT -> {
                g.lineComment(n.tok);
                genForEffect(n.lhs);
            }
            case RETURN -> {
                g.lineComment(n.tok);
                if (n.lhs != null && n.lhs.type.isScalar() && g.addr.isSimple(n.lhs)) {
                    g.addr.genSimple("a0", n.lhs);
                } else if (n.lhs != null && n.lhs.type.isScalar()) {
                    g.genInto("a0", n.lhs);
                } else if (n.lhs != null) {
                    String r = g.gen(n.lhs);
                    g.calls.returnValue(r, n.lhs.type);
                    g.pop();
                }
                g.emit("j\t" + g.returnLabel);
            }
            case IF -> {
                g.lineComment(n.tok);
                if (n.then.kind == Node.Kind.GOTO && n.then.lhs == null && n.els == null) {
                    // if (c) break; / continue; / goto l; is one conditional branch.
                    g.branches.branchIf(n.cond, n.then.uniqueLabel, true);
                    return;
                }
                String elseL = g.label(), endL = g.label();
                branchIfFalse(n.cond, elseL);
                stmt(n.then);
                if (n.els != null) g.emit("j\t" + endL);
                g.emitLabel(elseL);
                if (n.els != null) {
                    stmt(n.els);
                    g.emitLabel(endL);
                }
            }
            case FOR -> {
                // The test sits at the bottom of the loop, so an iteration costs one branch
                // rather than a test at the top plus a jump back to it.
                if (n.init != null) stmt(n.init);
                java.util.List<Long> constants = LoopConstants.hold(g, n);
                g.loops++;
                String top = g.label(), test = g.label();
                if (n.cond != null) g.emit("j\t" + test);
                g.emitLabel(top);
                stmt(n.then);
                g.emitLabel(n.continueLabel);
                if (n.inc != null) {
                    g.lineComment(n.inc.tok);
                    genForEffect(n.inc);
                }
                if (n.cond != null) {
                    g.emitLabel(test);
                    g.lineComment(n.cond.tok);
                    g.branches.branchIf(n.cond, top, true);
                } else {
                    g.emit("j\t" + top);
                }
                g.emitLabel(n.breakLabel);
                g.loops--;
                LoopConstants.release(g, constants);
            }
            case DO -> {
                java.util.List<Long> constants = LoopConstants.hold(g, n);
                g.loops++;
                String top = g.label();
                g.emitLabel(top);
                stmt(n.then);
                g.emitLabel(n.continueLabel);
                g.lineComment(n.cond.tok);
                g.branches.branchIf(n.cond, top, true);
                g.emitLabel(n.breakLabel);
                g.loops--;
                LoopConstants.release(g, constants);
            }
            case SWITCH -> switchStmt(n);
            case CASE -> {
                g.emitLabel(n.uniqueLabel);
                stmt(n.lhs);
            }
            case GOTO -> {
                g.lineComment(n.tok);
                // Leaving the scope of variable-length arrays frees them first.
                if (n.lhs != null) stmt(n.lhs);
                g.emit("j\t" + n.uniqueLabel);
            }
            case LABEL -> {
                g.emitLabel(n.uniqueLabel);
                stmt(n.lhs);
            }
            default -> throw new IllegalStateException("not a statement: " + n.kind);
        }
    }

    /**
     * Evaluates {@code n} only for its side effects: the register stack is left as it was.
     * Arithmetic with a constant on a value that is then dropped is not computed, which is
     * what makes a statement {@code i++} (parsed as {@code (i += 1) - 1}) a plain increment.
     */
    void genForEffect(Node n) {
        switch (n.kind) {
            case CAST -> {
                if (n.lhs.type.kind != Type.Kind.ARRAY && n.lhs.type.kind != Type.Kind.FUNC) {
                    genForEffect(n.lhs);
                    return;
                }
            }
            case ADD, SUB -> {
                if (n.rhs.kind == Node.Kind.NUM) {
                    genForEffect(n.lhs);
                    return;
                }
            }
            case COMMA -> {
                genForEffect(n.lhs);
                genForEffect(n.rhs);
                return;
            }
            case ASSIGN -> {
                if (g.access.assignForEffect(n)) return;
            }
            default -> {
            }
        }
        g.gen(n);
        g.pop();
    }

    /** Evaluates a condition and jumps to {@code target} if it is zero. */
    private void branchIfFalse(Node cond, String target) {
        g.branches.branchIf(cond, target, false);
    }

    /** A switch is a chain of compares against each case, then a jump to default or the end. */
    private void switchStmt(Node n) {
        g.lineComment(n.tok);
        String v = g.gen(n.cond);
        for (Node c : n.cases) {
            if (c.caseLow == c.caseHigh) {
                g.emit("li\tt0, " + c.caseLow);
                g.emit("beq\t" + v + ", t0, " + c.uniqueLabel);
            } else {
                // A GNU case range: low <= v && v <= high, as one unsigned compare of v - low.
                g.emit("li\tt0, " + c.caseLow);
                g.emit("sub\tt0, " + v + ", t0");
                g.emit("li\tt1, " + (c.caseHigh - c.caseLow));
                g.emit("bgeu\tt1, t0, " + c.uniqueLabel);
            }
        }
        g.pop();
        g.emit("j\t" + (n.defaultCase != null ? n.defaultCase.uniqueLabel : n.breakLabel));
        stmt(n.then);
        g.emitLabel(n.breakLabel);
    }
}
