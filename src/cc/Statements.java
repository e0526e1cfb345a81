package cc;

/**
 * Statements (C11 6.8): each parse method returns a statement node. Loops and switch get
 * their break and continue labels here, so the code generator only places them.
 */
final class Statements {
    private Statements() {}

    /** Parses one statement. */
    static Node stmt(Parser p) {
        Token t = p.peek();
        if (t.kind == Token.Kind.IDENT && p.peek(1).is(":") && !t.is("default")) {
            p.next();
            p.next();
            Node n = new Node(Node.Kind.LABEL, t);
            n.label = t.text;
            n.uniqueLabel = p.defineLabel(t, t.text);
            n.lhs = p.at("}") ? new Node(Node.Kind.NULL_STMT, t) : stmt(p);
            return n;
        }
        if (t.kind == Token.Kind.IDENT) {
            switch (t.text) {
                case "return" -> {
                    return returnStmt(p);
                }
                case "if" -> {
                    p.next();
                    Node n = new Node(Node.Kind.IF, t);
                    p.expect("(");
                    n.cond = condition(p, p.expr.expr());
                    p.expect(")");
                    n.then = stmt(p);
                    if (p.accept("else")) n.els = stmt(p);
                    return n;
                }
                case "while" -> {
                    p.next();
                    Node n = loop(p, Node.Kind.FOR, t);
                    p.expect("(");
                    n.cond = condition(p, p.expr.expr());
                    p.expect(")");
                    n.then = loopBody(p, n);
                    return n;
                }
                case "do" -> {
                    p.next();
                    Node n = loop(p, Node.Kind.DO, t);
                    n.then = loopBody(p, n);
                    p.expect("while");
                    p.expect("(");
                    n.cond = condition(p, p.expr.expr());
                    p.expect(")");
                    p.expect(";");
                    return n;
                }
                case "for" -> {
                    return forStmt(p, t);
                }
                case "switch" -> {
                    return switchStmt(p, t);
                }
                case "case" -> {
                    p.next();
                    if (p.currentSwitch == null) throw p.error(t, "'case' statement not in switch statement");
                    Node n = new Node(Node.Kind.CASE, t);
                    n.caseLow = n.caseHigh = p.expr.constExpr();
                    if (p.accept("...")) n.caseHigh = p.expr.constExpr();
                    p.expect(":");
                    n.uniqueLabel = p.newLabel();
                    n.lhs = p.at("}") ? new Node(Node.Kind.NULL_STMT, t) : stmt(p);
                    p.currentSwitch.cases.add(n);
                    return n;
                }
                case "default" -> {
                    p.next();
                    if (p.currentSwitch == null) throw p.error(t, "'default' statement not in switch statement");
                    p.expect(":");
                    Node n = new Node(Node.Kind.CASE, t);
                    n.uniqueLabel = p.newLabel();
                    n.lhs = p.at("}") ? new Node(Node.Kind.NULL_STMT, t) : stmt(p);
                    if (p.currentSwitch.defaultCase != null) p.softError(t, "multiple default labels in one switch");
                    p.currentSwitch.defaultCase = n;
                    return n;
                }
                case "break" -> {
                    p.next();
                    String target = breakTarget(p);
                    if (target == null) throw p.error(t, "'break' statement not in loop or switch statement");
                    p.expect(";");
                    Node n = new Node(Node.Kind.GOTO, t);
                    n.uniqueLabel = target;
                    p.vlas.beforeJump(n, target);
                    return n;
                }
                case "continue" -> {
                    p.next();
                    if (p.continueLabels.isEmpty()) throw p.error(t, "'continue' statement not in loop statement");
                    p.expect(";");
                    Node n = new Node(Node.Kind.GOTO, t);
                    n.uniqueLabel = p.continueLabels.peek();
                    p.vlas.beforeJump(n, n.uniqueLabel);
                    return n;
                }
                case "goto" -> {
                    p.next();
                    Node n = new Node(Node.Kind.GOTO, t);
                    n.label = p.expectIdent();
                    p.addGoto(n);
                    p.expect(";");
                    return n;
                }
                default -> {
                }
            }
        }
        if (p.accept(";")) return new Node(Node.Kind.NULL_STMT, t);
        if (p.accept("{")) {
            Node n = new Node(Node.Kind.BLOCK, t);
            p.compoundInto(n);
            return n;
        }
        Node n = new Node(Node.Kind.EXPR_STMT, t);
        n.lhs = p.expr.expr();
        p.expect(";");
        return n;
    }

    private static String breakTarget(Parser p) {
        return p.breakLabels.isEmpty() ? null : p.breakLabels.peek();
    }

    /**
     * A controlling expression must be a scalar. A floating one becomes the comparison
     * {@code e != 0} (true for NaN, false for -0.0), so that branches and {@code !} test
     * its value rather than its bits.
     */
    static Node condition(Parser p, Node e) {
        e = Sema.decay(e);
        if (!e.type.isScalar()) p.softError(e.tok, "statement requires expression of scalar type ('" + e.type + "' invalid)");
        if (e.type.isFloat()) return Sema.binary(Node.Kind.NE, e, Sema.fnum(0, e.type, e.tok), Type.INT, e.tok);
        return e;
    }

    private static Node loop(Parser p, Node.Kind kind, Token t) {
        Node n = new Node(kind, t);
        n.breakLabel = p.newLabel();
        n.continueLabel = p.newLabel();
        return n;
    }

    /** Parses a loop's body with its break and continue targets in effect. */
    private static Node loopBody(Parser p, Node loop) {
        p.breakLabels.push(loop.breakLabel);
        p.continueLabels.push(loop.continueLabel);
        p.vlas.jumpTarget(loop.breakLabel);
        p.vlas.jumpTarget(loop.continueLabel);
        try {
            return stmt(p);
        } finally {
            p.breakLabels.pop();
            p.continueLabels.pop();
        }
    }

    private static Node forStmt(Parser p, Token t) {
        p.next();
        Node n = loop(p, Node.Kind.FOR, t);
        p.expect("(");
        p.scope.enter();
        int vlaDepth = p.vlas.live.size();
        try {
            if (p.isTypeName(p.peek())) {
                Node block = new Node(Node.Kind.BLOCK, t);
                p.localDeclaration(block);
                n.init = block;
            } else if (!p.accept(";")) {
                Node e = new Node(Node.Kind.EXPR_STMT, t);
                e.lhs = p.expr.expr();
                n.init = e;
                p.expect(";");
            }
            if (!p.at(";")) n.cond = condition(p, p.expr.expr());
            p.expect(";");
            if (!p.at(")")) n.inc = p.expr.expr();
            p.expect(")");
            n.then = loopBody(p, n);
            // A VLA declared in the first clause is freed when the loop ends.
            Node free = p.vlas.restore(p.vlas.live, vlaDepth, t);
            if (free != null) {
                Node block = new Node(Node.Kind.BLOCK, t);
                block.body.add(n);
                block.body.add(free);
                return block;
            }
            return n;
        } finally {
            while (p.vlas.live.size() > vlaDepth) p.vlas.live.remove(p.vlas.live.size() - 1);
            p.scope.leave();
        }
    }

    private static Node switchStmt(Parser p, Token t) {
        p.next();
        Node n = new Node(Node.Kind.SWITCH, t);
        p.expect("(");
        Node c = Sema.decay(p.expr.expr());
        if (!c.type.isInteger()) throw p.error(c.tok, "statement requires expression of integer type ('" + c.type + "' invalid)");
        n.cond = Sema.cast(c, Sema.promote(c.type));
        p.expect(")");
        n.breakLabel = p.newLabel();
        Node outer = p.currentSwitch;
        p.currentSwitch = n;
        p.breakLabels.push(n.breakLabel);
        p.vlas.jumpTarget(n.breakLabel);
        try {
            n.then = stmt(p);
        } finally {
            p.currentSwitch = outer;
            p.breakLabels.pop();
        }
        for (Node cs : n.cases) {
            cs.caseLow = Sema.normalize(cs.caseLow, n.cond.type);
            cs.caseHigh = Sema.normalize(cs.caseHigh, n.cond.type);
        }
        return n;
    }

    private static Node returnStmt(Parser p) {
        Token t = p.next();
        Node n = new Node(Node.Kind.RETURN, t);
        Type ret = p.fn.type.returnType;
        if (p.accept(";")) {
            if (ret.kind != Type.Kind.VOID) p.warn(t, "non-void function '" + p.fn.name + "' should return a value");
            return n;
        }
        Node e = p.expr.expr();
        p.expect(";");
        if (ret.kind == Type.Kind.VOID) {
            if (e.type.kind != Type.Kind.VOID) p.softError(e.tok, "void function '" + p.fn.name + "' should not return a value");
            n.lhs = e;
            return n;
        }
        n.lhs = p.expr.convertForAssignment(e, ret, "returning");
        return n;
    }
}
