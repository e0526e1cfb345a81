package cc;

import diag.Diagnostics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * Conditional inclusion (C11 6.10.1): the stack of open {@code #if}/{@code #ifdef}/
 * {@code #ifndef} groups and the skipping of the groups they exclude.
 *
 * <p>A skipped group is passed over token by token in its file, looking only at lines that
 * start with '#' to track nested conditionals, so text there need not be valid C (the
 * apostrophe of "don't" is harmless). Skipping stops before the #elif, #else or #endif that
 * belongs to the open conditional, so the preprocessor reads that directive next.
 */
final class Conditionals {
    /** One open conditional: whether a group was taken yet, and whether #else was seen. */
    private static final class Open {
        final Token where;
        boolean taken;
        boolean sawElse;

        Open(Token where, boolean taken) {
            this.where = where;
            this.taken = taken;
        }
    }

    private final Deque<Open> stack = new ArrayDeque<>();
    private final Diagnostics diags;

    Conditionals(Diagnostics diags) {
        this.diags = diags;
    }

    /** The number of open conditionals, in all files. */
    int depth() {
        return stack.size();
    }

    /** {@code #if}, {@code #ifdef}, {@code #ifndef} at {@code where} whose condition is {@code value}. */
    void open(Token where, boolean value, SourceFrame file) {
        stack.push(new Open(where, value));
        if (!value) skipGroup(file);
    }

    /** {@code #elif}: its condition is evaluated only if no earlier group was taken. */
    void elif(Token name, BooleanSupplier condition, SourceFrame file) {
        Open c = innermost(name, file);
        if (c == null) return;
        if (c.sawElse) PpDiag.error(diags, name, "#elif after #else");
        if (!c.taken && condition.getAsBoolean()) {
            c.taken = true;
        } else {
            skipGroup(file);
        }
    }

    /** {@code #else}. */
    void elseGroup(Token name, SourceFrame file) {
        Open c = innermost(name, file);
        if (c == null) return;
        if (c.sawElse) PpDiag.error(diags, name, "#else after #else");
        c.sawElse = true;
        if (c.taken) {
            skipGroup(file);
        } else {
            c.taken = true;
        }
    }

    /** {@code #endif}. */
    void endif(Token name, SourceFrame file) {
        if (innermost(name, file) != null) stack.pop();
    }

    /** At the end of {@code file}: reports and closes the conditionals it left open. */
    void closeFile(SourceFrame file) {
        while (stack.size() > file.conditionalBase) {
            PpDiag.error(diags, stack.pop().where, "unterminated conditional directive");
        }
    }

    /** The open conditional of {@code file}, or null after reporting "#x without #if". */
    private Open innermost(Token directive, SourceFrame file) {
        if (stack.size() <= file.conditionalBase) {
            PpDiag.error(diags, directive, "#" + directive.text + " without #if");
            return null;
        }
        return stack.peek();
    }

    /** Skips to the #elif, #else or #endif of the innermost conditional, or to EOF. */
    private static void skipGroup(SourceFrame f) {
        int depth = 0;
        while (true) {
            Token t = f.tokens.get(f.pos);
            if (t.kind == Token.Kind.EOF) return;
            Token next = f.tokens.get(Math.min(f.pos + 1, f.tokens.size() - 1));
            if (t.atLineStart && t.is("#") && !next.atLineStart && next.kind == Token.Kind.IDENT) {
                String d = next.text;
                if (d.equals("if") || d.equals("ifdef") || d.equals("ifndef")) {
                    depth++;
                } else if (d.equals("endif") || d.equals("elif") || d.equals("else")) {
                    if (depth == 0) return;
                    if (d.equals("endif")) depth--;
                }
            }
            f.pos++;
        }
    }
}
