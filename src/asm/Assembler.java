package asm;

import diag.CompileException;
import diag.Diagnostics;
import diag.SourceFile;
import obj.ObjectFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The Clonix assembler: turns a {@code .s} file into a relocatable {@link ObjectFile}.
 * The syntax is documented in docs/assembler.md.
 *
 * <p>It works in stages, one file each:
 * <ol>
 *   <li>{@link Lexer}: text to lines of tokens;</li>
 *   <li>{@link Parser}: each line to a {@link Statement} (labels, name, operands);</li>
 *   <li>{@link Encoder} and {@link Directives}: a statement to bytes and relocations;</li>
 *   <li>{@link Pass} and {@link SymbolTable}: the bookkeeping for the two passes below.</li>
 * </ol>
 *
 * <p>Why two passes: an instruction can use a label defined further down ({@code j done}),
 * so when it is first met its value is unknown. Since every instruction has the same
 * size, pass 1 can lay the file out without knowing any values and record each label's
 * offset; pass 2 then emits the final bytes with every label known. The alternative,
 * backpatching (emit a placeholder and fix it once the label appears), needs a list of
 * fix-ups per kind of field; running the same code twice is simpler to follow.
 *
 * <p>Errors do not stop the run: each is reported with its line and column, the statement
 * is dropped, and assembly continues with the next line, up to {@link Diagnostics#DEFAULT_LIMIT}
 * errors. If there were any, {@link CompileException} carries them all.
 */
public final class Assembler {
    private Assembler() {}

    /**
     * Assembles {@code source}, read from the file {@code fileName} (used in messages and as
     * the object's name). Returns the object file, or throws with every error found.
     */
    public static ObjectFile assemble(String fileName, String source) throws CompileException {
        SourceFile file = new SourceFile(fileName, source);
        Diagnostics diags = new Diagnostics();
        List<Statement> statements = parse(file, diags);

        SymbolTable symbols = new SymbolTable();
        run(new Pass(true, new ObjectFile(fileName), symbols), statements, file, diags);
        ObjectFile obj = new ObjectFile(fileName);
        Pass second = new Pass(false, obj, symbols);
        run(second, statements, file, diags);
        obj.setLines(second.lines());

        diags.sortByPosition();
        diags.throwIfErrors();
        symbols.export(obj);
        return obj;
    }

    /** Stages 1 and 2: every line to a statement; lines with syntax errors are reported and left out. */
    private static List<Statement> parse(SourceFile file, Diagnostics diags) {
        List<Statement> statements = new ArrayList<>();
        for (List<Token> line : Lexer.lex(file, diags)) {
            if (diags.shouldStop()) break;
            try {
                Statement st = Parser.parseLine(line);
                if (st != null) statements.add(st);
            } catch (AsmError e) {
                diags.error(file, e.line, e.col, e.getMessage());
            }
        }
        return statements;
    }

    /** One pass over every statement; see the class comment. */
    private static void run(Pass p, List<Statement> statements, SourceFile file, Diagnostics diags) {
        for (Statement st : statements) {
            if (diags.shouldStop()) return;
            // A statement that failed in pass 1 was reported there; it produced no bytes then,
            // so skipping it now keeps every later offset the same as in pass 1.
            if (st.failed) continue;
            p.begin(st);
            if (p.isFirst()) defineLabels(p, st, file, diags);
            try {
                if (st.op != null) {
                    if (st.isDirective()) Directives.run(p, st);
                    else Encoder.encode(p, st);
                }
                long size = p.commit();
                if (p.isFirst()) st.size = size;
            } catch (AsmError e) {
                diags.error(file, e.line, e.col, e.getMessage());
                fail(p, st);
            } catch (RuntimeException e) {
                // A bug in the assembler must still come out as a diagnostic, never a stack trace.
                diags.error(file, st.line, 1, "internal assembler error: " + e);
                fail(p, st);
            }
        }
    }

    /**
     * After an error: in pass 1 the statement is marked and produces nothing; in pass 2 it
     * is replaced by as many zero bytes as it had in pass 1, so that later statements still
     * land where pass 1 put their labels and no error is reported twice.
     */
    private static void fail(Pass p, Statement st) {
        p.discard();
        if (p.isFirst()) {
            st.failed = true;
        } else {
            p.emitZeros(st.size);
            p.commit();
        }
    }

    /** Labels get their offsets in pass 1; a duplicate is reported but the statement still assembles. */
    private static void defineLabels(Pass p, Statement st, SourceFile file, Diagnostics diags) {
        for (Token label : st.labels) {
            try {
                p.symbols.defineLabel(label, p.section(), p.offset());
            } catch (AsmError e) {
                diags.error(file, e.line, e.col, e.getMessage());
            }
        }
    }
}
