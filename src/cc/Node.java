package cc;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of the abstract syntax tree, as chibicc has it: one class with a kind and the
 * fields that kind uses. Every expression node carries its C {@link #type}, set by the
 * parser as it builds the node (the parser is also the type checker).
 */
public final class Node {
    /** What a node is. Expression kinds first, then statements. */
    public enum Kind {
        NUM, VAR, ADD, SUB, MUL, DIV, MOD, BITAND, BITOR, BITXOR, SHL, SHR,
        EQ, NE, LT, LE, NEG, NOT, BITNOT, LOGAND, LOGOR,
        ASSIGN, COND, COMMA, MEMBER, ADDR, DEREF, CAST, FUNCALL, STMT_EXPR,
        /** Fills a local with zeros (before a brace initialiser). */
        MEMZERO,
        /** An atomic builtin: {@link #atomicOp} names it, {@link #args} are its operands. */
        ATOMIC,
        /** A floating-point builtin: {@link #builtin} names it, {@link #args} are its operands. */
        FBUILTIN,
        /** __builtin_va_start(ap): the address of the first unnamed argument slot. */
        VA_START,
        /**
         * Variable-length arrays ({@link Vlas}) and alloca: sp's value; sp lowered by lhs bytes and
         * rounded down to a multiple of val (the new sp); sp set to lhs.
         */
        STACK_POINTER, STACK_ALLOC, STACK_RESTORE,
        /** Statements. */
        EXPR_STMT, RETURN, IF, FOR, DO, SWITCH, CASE, BLOCK, GOTO, LABEL, NULL_STMT
    }

    public final Kind kind;
    public final Token tok;
    public Type type;

    public Node lhs, rhs;
    /** IF/FOR/DO/COND: condition, branches, loop parts. */
    public Node cond, then, els, init, inc;
    /** BLOCK, STMT_EXPR: the statements. FUNCALL, ATOMIC: the arguments. */
    public List<Node> body = new ArrayList<>();
    public List<Node> args = new ArrayList<>();
    /**
     * VAR: the object; a DEREF that is the use of a VLA or over-aligned local ({@link Vlas}):
     * that object. (FUNCALL keeps its callee expression in {@link #lhs}.)
     */
    public Obj var;
    /**
     * NUM: the value (already truncated and extended to the node's type); for a floating
     * type its IEEE bits (a float's in the low 32).
     */
    public long val;
    /** MEMBER: the member (with its offset, and its bits for a bit-field). */
    public Type.Member member;
    /** GOTO/LABEL: the C label; loops/switch: their break and continue labels. */
    public String label, uniqueLabel, breakLabel, continueLabel;
    /** SWITCH: its cases and default; CASE: its value range. */
    public List<Node> cases = new ArrayList<>();
    public Node defaultCase;
    public long caseLow, caseHigh;
    /** ATOMIC: which builtin. */
    public String atomicOp;
    /** FBUILTIN: which operation (sqrt, fma, fabs, copysign, isnan, signbit; see {@link FloatBuiltins}). */
    public String builtin;
    /** FUNCALL: the callee's function type (parameters, variadic, return type). */
    public Type funcType;

    public Node(Kind kind, Token tok) {
        this.kind = kind;
        this.tok = tok;
    }

    /**
     * True if {@code n} or a node below it satisfies {@code p}, looking through the operands,
     * the condition, branches and loop parts, the arguments and the statements (the cases of
     * a switch are among its statements; a node's type and object are not looked at).
     */
    static boolean any(Node n, java.util.function.Predicate<Node> p) {
        if (n == null) return false;
        if (p.test(n)) return true;
        for (Node c : n.children()) if (any(c, p)) return true;
        return false;
    }

    /**
     * The nodes directly below this one, in the order every walk of the tree visits them:
     * the operands, the condition, the branches and the loop parts, then the statements, then
     * the arguments (a node's type and object are not among them).
     */
    List<Node> children() {
        List<Node> c = new ArrayList<>(7 + body.size() + args.size());
        for (Node n : new Node[] {lhs, rhs, cond, then, els, init, inc}) if (n != null) c.add(n);
        c.addAll(body);
        c.addAll(args);
        return c;
    }
}
