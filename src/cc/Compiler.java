package cc;

import asm.Assembler;
import diag.CompileException;
import diag.Diagnostic;
import diag.Diagnostics;
import obj.ObjectFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The compiler's pipeline after preprocessing: parse and type-check, then generate
 * assembly, then (optionally) assemble. Like chibicc, each stage is one step here:
 *
 * <pre>
 *   tokens ─► Parser (Declarators, Statements, Expressions, Operators, Builtins,
 *                     Initializers; types in Sema)                    ─► globals (Obj)
 *          ─► Codegen (StmtGen, CallGen, Arithmetic, Addressing, BitFields,
 *                      Atomics, DataWriter)                           ─► assembly text
 *          ─► asm.Assembler                                           ─► object file
 * </pre>
 *
 * No input makes a Java exception escape: a bug inside the compiler is reported as an
 * "internal compiler error" diagnostic.
 */
public final class Compiler {
    private Compiler() {}

    /** The output of a successful compilation and the warnings it produced. */
    public record Result(String assembly, List<Diagnostic> warnings) {}

    /**
     * Compiles preprocessed {@code tokens} of {@code fileName} to assembly text.
     *
     * @throws CompileException with every diagnostic (warnings included) if there was an error
     */
    public static Result compile(String fileName, List<Token> tokens) throws CompileException {
        Diagnostics diags = new Diagnostics();
        String asm = null;
        try {
            List<Obj> program = Parser.parse(tokens, diags);
            if (!diags.hasErrors()) SectionSizes.check(program, diags);
            if (!diags.hasErrors()) asm = Codegen.generate(program, fileName);
        } catch (Parser.Failure e) {
            // Already reported.
        } catch (Codegen.TooLarge e) {
            diags.add(new Diagnostic(fileName, 0, 0, Diagnostic.Severity.ERROR, e.getMessage(), null));
        } catch (Codegen.TooDeep e) {
            Token t = e.where;
            String line = t.source == null ? null : new diag.SourceFile(t.file, t.source).line(t.line);
            diags.add(new Diagnostic(t.file, t.line, t.column, Diagnostic.Severity.FATAL, e.getMessage(), line));
        } catch (RuntimeException e) {
            diags.add(new Diagnostic(fileName, 0, 0, Diagnostic.Severity.ERROR,
                    "internal compiler error: " + e, null));
        }
        diags.throwIfErrors();
        return new Result(asm, new ArrayList<>(diags.all()));
    }

    /** Compiles C source without preprocessing (tokenize, parse, generate). */
    public static Result compileSource(String fileName, String source) throws CompileException {
        return compile(fileName, Tokenizer.tokenize(fileName, source));
    }

    /** Compiles tokens all the way to an object file. */
    public static ObjectFile compileToObject(String fileName, List<Token> tokens) throws CompileException {
        Result r = compile(fileName, tokens);
        return Assembler.assemble(asmName(fileName), r.assembly());
    }

    /** "dir/x.c" becomes "dir/x.s": the name the assembly would have with -S. */
    public static String asmName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        int slash = fileName.lastIndexOf('/');
        return (dot > slash ? fileName.substring(0, dot) : fileName) + ".s";
    }
}
