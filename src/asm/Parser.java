package asm;

import vm.Isa;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 2: turns one line of tokens into a {@link Statement}.
 *
 * <pre>
 * line     := label* [ statement ] EOL
 * label    := IDENT ':'
 * statement:= IDENT '=' expr                    (the same as .set IDENT, expr)
 *           | IDENT [ operand { ',' operand } ]
 * operand  := STRING | REGISTER | expr [ '(' REGISTER ')' ] | '(' REGISTER ')'
 * expr     := C's binary operators | ^ & << >> + - * / % with C's precedence,
 *             unary - ~ +, parentheses, numbers, symbols, "." (the location counter)
 * </pre>
 *
 * The parser knows nothing about particular mnemonics or directives; checking that the
 * operands fit the instruction is the encoder's job.
 */
final class Parser {
    private final List<Token> toks;
    private int pos;
    /** Parentheses and unary operators seen on this line, to bound the parser's recursion. */
    private int nesting;

    private Parser(List<Token> toks) {
        this.toks = toks;
    }

    /** Parses one line; returns null for a line with nothing on it. Throws AsmError on a syntax error. */
    static Statement parseLine(List<Token> line) {
        return new Parser(line).statement();
    }

    private Token peek() {
        return toks.get(pos);
    }

    private Token peek(int k) {
        return toks.get(Math.min(pos + k, toks.size() - 1));
    }

    private Token next() {
        Token t = toks.get(pos);
        if (t.kind != Token.Kind.EOL) pos++;
        return t;
    }

    private boolean accept(String punct) {
        if (peek().is(punct)) {
            pos++;
            return true;
        }
        return false;
    }

    private Statement statement() {
        Token first = peek();
        List<Token> labels = new ArrayList<>();
        while (peek().kind == Token.Kind.IDENT && peek(1).is(":")) {
            Token label = next();
            if (label.text.equals(".") || label.text.startsWith("@")) throw new AsmError(label, "'" + label.text + "' cannot be a label");
            labels.add(label);
            next();
        }
        Token op = peek();
        if (op.kind == Token.Kind.EOL) return labels.isEmpty() ? null : new Statement(first.line, labels, null, List.of());
        if (op.kind != Token.Kind.IDENT) throw new AsmError(op, "expected an instruction, directive or label, found " + op.describe());
        next();
        List<Operand> operands = new ArrayList<>();
        if (peek().is("=")) {
            // "name = expr" is GNU's spelling of ".set name, expr".
            Token eq = next();
            operands.add(Operand.expr(new Expr.Sym(op)));
            operands.add(Operand.expr(expr()));
            expectEol();
            return new Statement(first.line, labels, new Token(Token.Kind.IDENT, ".set", 0, null, eq.line, eq.col), operands);
        }
        if (peek().kind != Token.Kind.EOL) {
            do {
                operands.add(operand());
            } while (accept(","));
            expectEol();
        }
        return new Statement(first.line, labels, op, operands);
    }

    private void expectEol() {
        Token t = peek();
        if (t.kind != Token.Kind.EOL) throw new AsmError(t, "expected ',' or end of line, found " + t.describe());
    }

    private Operand operand() {
        Token t = peek();
        if (t.kind == Token.Kind.STRING) {
            next();
            return Operand.string(t);
        }
        if (t.kind == Token.Kind.IDENT && t.text.startsWith("@")) {
            // Only directives use these: ".type f, @function", ".section .data, @progbits".
            next();
            return Operand.expr(new Expr.Sym(t));
        }
        if (t.kind == Token.Kind.IDENT && isRegister(t) && (peek(1).is(",") || peek(1).kind == Token.Kind.EOL)) {
            next();
            return Operand.reg(t, Isa.regNumber(t.text));
        }
        // "(base)" with no offset; "(expr)" alone or "(expr)(base)" falls through to expr().
        if (t.is("(") && peek(1).kind == Token.Kind.IDENT && isRegister(peek(1)) && peek(2).is(")")) {
            next();
            int base = Isa.regNumber(next().text);
            next();
            return Operand.mem(t, null, base);
        }
        if (t.kind == Token.Kind.EOL || t.is(",")) throw new AsmError(t, "expected an operand, found " + t.describe());
        Expr e = expr();
        if (peek().is("(")) {
            next();
            Token r = next();
            if (r.kind != Token.Kind.IDENT || !isRegister(r)) {
                throw new AsmError(r, r.kind == Token.Kind.IDENT ? "unknown register '" + r.text + "'"
                        : "expected a base register, found " + r.describe());
            }
            Token close = next();
            if (!close.is(")")) throw new AsmError(close, "expected ')', found " + close.describe());
            return Operand.mem(e.start(), e, Isa.regNumber(r.text));
        }
        return Operand.expr(e);
    }

    private static boolean isRegister(Token t) {
        return Isa.regNumber(t.text) >= 0;
    }

    // ---- Expressions, by precedence climbing: level 0 binds loosest. ----

    private static final String[][] LEVELS = {
        {"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"},
    };

    /** The deepest expression tree accepted; far beyond any real program, it keeps recursion bounded. */
    static final int MAX_DEPTH = 200;

    private Expr expr() {
        return binary(0);
    }

    private Expr checkDepth(Expr e) {
        if (e.depth > MAX_DEPTH) throw new AsmError(e.tok, "expression is too deeply nested");
        return e;
    }

    private Expr binary(int level) {
        if (level == LEVELS.length) return unary();
        Expr left = binary(level + 1);
        while (true) {
            Token t = peek();
            boolean match = false;
            for (String op : LEVELS[level]) match |= t.is(op);
            if (!match) return left;
            next();
            left = checkDepth(new Expr.Binary(t, left, binary(level + 1)));
        }
    }

    private Expr unary() {
        Token t = peek();
        if (t.is("-") || t.is("~") || t.is("+")) {
            next();
            if (++nesting > MAX_DEPTH) throw new AsmError(t, "expression is too deeply nested");
            return checkDepth(new Expr.Unary(t, unary()));
        }
        return primary();
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind) {
            case NUMBER:
                return new Expr.Num(t, t.value);
            case IDENT:
                if (t.text.startsWith("@")) throw new AsmError(t, "unexpected '" + t.text + "' in expression");
                return new Expr.Sym(t);
            case PUNCT:
                if (t.is("%") && peek().kind == Token.Kind.IDENT && peek().text.equals("tpoff") && peek(1).is("(")) {
                    next();
                    next();
                    if (++nesting > MAX_DEPTH) throw new AsmError(t, "expression is too deeply nested");
                    Expr e = expr();
                    Token close = next();
                    if (!close.is(")")) throw new AsmError(close, "expected ')', found " + close.describe());
                    return checkDepth(new Expr.TpOff(t, e));
                }
                if (t.is("(")) {
                    if (++nesting > MAX_DEPTH) throw new AsmError(t, "expression is too deeply nested");
                    Expr e = expr();
                    Token close = next();
                    if (!close.is(")")) throw new AsmError(close, "expected ')', found " + close.describe());
                    return e;
                }
                break;
            default:
                break;
        }
        throw new AsmError(t, "expected an expression, found " + t.describe());
    }
}
