package cc;

import diag.Diagnostic;
import diag.Diagnostics;
import diag.SourceFile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parser and type checker: tokens in, a list of global objects (functions with their
 * bodies, variables with their initial bytes) out. Recursive descent over C11's grammar, in
 * three files: this one (declarations, types and statements), {@link Expressions} and
 * {@link Initializers}.
 *
 * <p>Errors are reported to the {@link Diagnostics} and parsing resumes at the next
 * statement or declaration, so one run shows several mistakes.
 */
public final class Parser {
    /** Thrown after an error has been reported, to unwind to the nearest recovery point. */
    static final class Failure extends RuntimeException {
        Failure() {
            super(null, null, false, false);
        }
    }

    final List<Token> toks;
    int pos;
    final Diagnostics diags;
    final Scope scope = new Scope();
    /** Globals by name, in the order first declared. */
    final Map<String, Obj> globals = new LinkedHashMap<>();
    /** The function being parsed, or null at file scope. */
    Obj fn;
    /** Innermost enclosing switch, for case and default. */
    Node currentSwitch;
    /** Labels that break and continue jump to, innermost first. */
    final java.util.Deque<String> breakLabels = new java.util.ArrayDeque<>();
    final java.util.Deque<String> continueLabels = new java.util.ArrayDeque<>();
    final Expressions expr = new Expressions(this);
    final Initializers init = new Initializers(this);
    final Declarators types = new Declarators(this);
    final Vlas vlas = new Vlas(this);
    private final Map<String, SourceFile> sources = new IdentityHashMap<>();
    private int uniqueId;

    /**
     * Declaration specifiers besides the type, and what {@code _Alignas} and
     * {@code __attribute__} ask ({@link Attributes}): an alignment (0 if none) and packing.
     */
    static final class Attr {
        boolean isTypedef, isStatic, isExtern, isInline, isThreadLocal;
        /** The _Thread_local or __thread keyword, where a misplaced one is reported. */
        Token threadLocal;
        int align;
        boolean packed;
        /**
         * {@code constructor} / {@code destructor}: the priority ({@link Obj#DEFAULT_PRIORITY}
         * when none is given), or -1 when the attribute is absent; the token that named the
         * last of them and its name without underscores, for a warning where it does nothing.
         */
        int constructor = -1, destructor = -1;
        Token initAttr;
        String initAttrName;
    }

    private Parser(List<Token> toks, Diagnostics diags) {
        this.toks = toks;
        this.diags = diags;
        // va_list is a pointer walking up the 8-byte argument slots (docs/isa.md).
        scope.declare("__builtin_va_list").typedef = Type.pointerTo(Type.CHAR);
    }

    /**
     * Parses a whole translation unit. Returns the globals in declaration order; errors and
     * warnings go to {@code diags} (check {@link Diagnostics#hasErrors()}).
     */
    /** The message for a program whose nesting exhausts the compiler's stack (parser or code generator). */
    static final String TOO_DEEP = "program is nested too deeply for the compiler";

    public static List<Obj> parse(List<Token> tokens, Diagnostics diags) {
        Parser p = new Parser(tokens, diags);
        while (p.peek().kind != Token.Kind.EOF && !diags.shouldStop()) {
            try {
                p.topLevel();
            } catch (Failure f) {
                p.recoverTopLevel();
            } catch (StackOverflowError e) {
                // The recursion has unwound, but the position is still where it went too deep.
                p.report(Diagnostic.Severity.FATAL, p.peek(), TOO_DEEP);
                break;
            }
        }
        return new ArrayList<>(p.globals.values());
    }

    // ---- tokens ----

    /** The current token (EOF at the end). */
    Token peek() {
        return toks.get(Math.min(pos, toks.size() - 1));
    }

    /** The token {@code ahead} places after the current one (EOF past the end). */
    Token peek(int ahead) {
        return toks.get(Math.min(pos + ahead, toks.size() - 1));
    }

    /** Consumes and returns the current token; stays on EOF. */
    Token next() {
        Token t = peek();
        if (pos < toks.size() - 1) pos++;
        return t;
    }

    /** True if the current token is the punctuator or identifier {@code s}. */
    boolean at(String s) {
        Token t = peek();
        return t.kind != Token.Kind.STRING && t.is(s);
    }

    /** Consumes the current token if it is {@code s}; returns whether it did. */
    boolean accept(String s) {
        if (!at(s)) return false;
        next();
        return true;
    }

    /** Consumes {@code s} or reports "expected 's'" and unwinds. */
    Token expect(String s) {
        if (!at(s)) {
            // A missing ';' is reported just after the previous token, where it belongs.
            if (s.equals(";") && pos > 0) throw error(afterPrevious(), "expected ';'");
            throw error(peek(), "expected '" + s + "'");
        }
        return next();
    }

    /** A position just after the previous token, for "expected ';'" diagnostics. */
    Token afterPrevious() {
        Token prev = toks.get(pos - 1);
        return new Token(prev.kind, prev.text, prev.file, prev.line, prev.column + prev.text.length(), prev.source,
                false, false, 0, null, null);
    }

    /** Consumes an identifier and returns its name, or reports an error and unwinds. */
    String expectIdent() {
        Token t = peek();
        if (t.kind != Token.Kind.IDENT) throw error(t, "expected identifier");
        return next().text;
    }

    /** A fresh assembler label, unique in the translation unit. */
    String newLabel() {
        return ".L." + (uniqueId++);
    }

    /** A number unique in the translation unit, for names of hidden objects. */
    int nextId() {
        return uniqueId++;
    }

    // ---- diagnostics ----

    void report(Diagnostic.Severity sev, Token t, String msg) {
        String line = null;
        if (t.source != null) line = sources.computeIfAbsent(t.source, s -> new SourceFile(t.file, s)).line(t.line);
        diags.add(new Diagnostic(t.file, t.line, t.column, sev, msg, line));
    }

    /** Reports an error at {@code t} and returns the exception to throw to unwind. */
    Failure error(Token t, String msg) {
        report(Diagnostic.Severity.ERROR, t, msg);
        return new Failure();
    }

    /** Reports an error and carries on (the caller builds a plausible node). */
    void softError(Token t, String msg) {
        report(Diagnostic.Severity.ERROR, t, msg);
        if (diags.shouldStop()) throw new Failure();
    }

    /** Reports a warning at {@code t}; compilation goes on. */
    void warn(Token t, String msg) {
        report(Diagnostic.Severity.WARNING, t, msg);
    }

    /** Skips to the end of the broken declaration: past a ';' or a '}' at brace depth 0. */
    private void recoverTopLevel() {
        while (!scope.atFileScope()) scope.leave();
        vlas.reset();
        fn = null;
        currentSwitch = null;
        breakLabels.clear();
        continueLabels.clear();
        int depth = 0;
        while (peek().kind != Token.Kind.EOF) {
            Token t = next();
            if (t.kind == Token.Kind.STRING) continue;
            if (t.is("{")) depth++;
            else if (t.is("}") && --depth <= 0) return;
            else if (t.is(";") && depth == 0) return;
        }
    }

    /** Skips the rest of a broken statement inside a block, leaving a closing '}' unread. */
    private void recoverStatement() {
        int depth = 0;
        while (peek().kind != Token.Kind.EOF) {
            Token t = peek();
            if (t.kind != Token.Kind.STRING) {
                if (t.is("}") && depth == 0) return;
                if (t.is("{")) depth++;
                if (t.is("}") && --depth == 0) {
                    next();
                    return;
                }
                if (t.is(";") && depth == 0) {
                    next();
                    return;
                }
            }
            next();
        }
    }

    // ---- declarations ----

    private void topLevel() {
        if (accept(";")) return;
        if (at("_Static_assert")) {
            staticAssert();
            return;
        }
        Attr attr = new Attr();
        Type base = declspec(attr);
        if (attr.isTypedef) {
            typedefs(base);
            return;
        }
        if (accept(";")) return;
        boolean first = true;
        while (true) {
            Token nameTok = peek();
            Declarators.Declarator d = declarator(base);
            if (d.name == null) throw error(nameTok, "expected identifier or '('");
            if (d.type.kind == Type.Kind.FUNC) {
                if (d.knrNames != null && first) types.knrParameters(d);
                Obj f = declareFunction(d, attr);
                if (first && at("{")) {
                    functionBody(f, d);
                    return;
                }
            } else {
                globalVariable(d, attr);
            }
            first = false;
            if (accept(";")) return;
            if (!accept(",")) throw error(afterPrevious(), "expected ';' after top level declarator");
        }
    }

    private void typedefs(Type base) {
        boolean first = true;
        while (!accept(";")) {
            if (!first) expect(",");
            first = false;
            Declarators.Declarator d = declarator(base);
            if (d.name == null) throw error(peek(), "typedef requires a name");
            scope.declare(d.name).typedef = d.type;
        }
    }

    private Obj declareFunction(Declarators.Declarator d, Attr attr) {
        Obj f = globals.get(d.name);
        if (f != null && !f.isFunction()) {
            softError(d.tok, "redefinition of '" + d.name + "' as different kind of symbol");
            f = null;
        }
        if (f == null || f.implicit) {
            if (f == null) {
                f = new Obj(d.name, d.type, false);
                globals.put(d.name, f);
            }
            f.type = d.type;
            f.implicit = false;
            f.tok = d.tok;
            // A C99 inline definition without extern is not an external definition; keeping
            // it file-local lets a header define it in every file that includes it.
            f.isStatic = attr.isStatic || (attr.isInline && !attr.isExtern);
        } else if (!d.type.oldStyle) {
            f.type = d.type;
        }
        // As in gcc, the attribute may be on any declaration of the function, not only its definition.
        for (Attr a : List.of(attr, d.attrs)) {
            if (a.constructor >= 0) f.constructor = a.constructor;
            if (a.destructor >= 0) f.destructor = a.destructor;
        }
        scope.declare(d.name).var = f;
        return f;
    }

    private void functionBody(Obj f, Declarators.Declarator d) {
        if (f.isDefinition) softError(d.tok, "redefinition of '" + d.name + "'");
        f.isDefinition = true;
        f.definitionOrder = functionsDefined++;
        f.params = new ArrayList<>();
        f.locals = new ArrayList<>();
        fn = f;
        scope.enter();
        for (Obj p : d.paramObjs) {
            fn.locals.add(p);
            if (!p.name.isEmpty()) scope.declare(p.name).var = p;
            f.params.add(p);
        }
        Token brace = expect("{");
        Node body = new Node(Node.Kind.BLOCK, brace);
        // The sizes of VLA parameters ("int a[n][n]") are computed on entry.
        if (d.paramSetup != null) {
            f.locals.addAll(d.paramSetup.locals());
            for (Node step : d.paramSetup.steps()) {
                Node s = new Node(Node.Kind.EXPR_STMT, brace);
                s.lhs = step;
                body.body.add(s);
            }
        }
        labels.clear();
        gotos.clear();
        compoundInto(body);
        for (Node g : gotos) {
            if (!labels.containsKey(g.label)) softError(g.tok, "use of undeclared label '" + g.label + "'");
            else g.uniqueLabel = labels.get(g.label);
            vlas.resolveGoto(g);
        }
        vlas.reset();
        scope.leave();
        f.body = body;
        fn = null;
        // The frame offsets are ints: as gcc does, refuse a function whose locals cannot fit.
        long localBytes = 0;
        for (Obj v : f.locals) localBytes += Math.max(v.type.size, 0) + Math.max(v.type.align, 1);
        if (localBytes > Limits.MAX_OBJECT_SIZE) softError(d.tok, "total size of local objects is too large");
    }

    /** Functions defined so far, for {@link Obj#definitionOrder}. */
    private int functionsDefined;

    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<Node> gotos = new ArrayList<>();

    private void globalVariable(Declarators.Declarator d, Attr attr) {
        if (d.type.kind == Type.Kind.VOID) throw error(d.tok, "variable has incomplete type 'void'");
        Obj v = globals.get(d.name);
        if (v == null || v.isFunction()) {
            v = new Obj(d.name, d.type, false);
            v.tok = d.tok;
            globals.put(d.name, v);
        } else if (d.type.size >= 0) {
            v.type = d.type;
        }
        v.isStatic = attr.isStatic;
        for (Attr a : List.of(attr, d.attrs)) {
            if (a.initAttr != null) warn(a.initAttr, "'" + a.initAttrName + "' attribute ignored");
        }
        threadLocal(v, attr, d);
        v.align = Math.max(v.align, Math.max(attr.align, d.attrs.align));
        scope.declare(d.name).var = v;
        if (accept("=")) {
            if (v.isDefinition && v.initData != null) softError(d.tok, "redefinition of '" + d.name + "'");
            init.globalInit(v);
            v.isDefinition = true;
        } else if (!attr.isExtern) {
            v.isDefinition = true;
        }
        if (v.isDefinition && v.type.size < 0) softError(d.tok, "variable has incomplete type '" + v.type + "'");
    }

    /**
     * Marks {@code v} thread-local if {@code attr} says so. As in C11 6.7.1p3, every declaration
     * of a thread-local variable must say so, and none of another variable may.
     */
    private void threadLocal(Obj v, Attr attr, Declarators.Declarator d) {
        if (v.tok != d.tok && v.isThreadLocal != attr.isThreadLocal) {
            softError(d.tok, (attr.isThreadLocal ? "thread-local" : "non-thread-local") + " declaration of '" + d.name
                    + "' follows " + (v.isThreadLocal ? "thread-local" : "non-thread-local") + " declaration");
        }
        v.isThreadLocal = attr.isThreadLocal;
    }

    /** Creates a local variable of the current function and declares it in the current block. */
    Obj newLocal(String name, Type type, Token tok) {
        Obj v = new Obj(name, type, true);
        v.tok = tok;
        fn.locals.add(v);
        if (!name.isEmpty()) scope.declare(name).var = v;
        return v;
    }

    /** True if {@code t} starts a type name or a declaration. */
    boolean isTypeName(Token t) {
        return types.isTypeName(t);
    }

    /** Parses declaration specifiers; storage classes go to {@code attr} (null where none are allowed). */
    Type declspec(Attr attr) {
        return types.declspec(attr);
    }

    /** Parses a declarator (or an abstract declarator) applied to {@code base}. */
    Declarators.Declarator declarator(Type base) {
        return types.declarator(base);
    }

    /** Parses a type name (as in a cast or sizeof). */
    Type typeName() {
        return types.typeName();
    }

    // ---- statements ----

    /** Parses "{ ... }" after its '{' has been read, appending the statements to {@code block}. */
    void compoundInto(Node block) {
        scope.enter();
        int vlaDepth = vlas.live.size();
        try {
            while (!accept("}")) {
                if (peek().kind == Token.Kind.EOF) throw error(peek(), "expected '}'");
                try {
                    if (at("_Static_assert")) staticAssert();
                    else if (isTypeName(peek()) && !peek(1).is(":")) localDeclaration(block);
                    else block.body.add(Statements.stmt(this));
                } catch (Failure f) {
                    if (diags.shouldStop()) throw f;
                    recoverStatement();
                }
            }
            // Leaving the block frees its VLAs; a statement expression keeps them to the
            // end of the function, since its value is its last statement's.
            Node free = block.kind == Node.Kind.STMT_EXPR ? null : vlas.restore(vlas.live, vlaDepth, block.tok);
            if (free != null) block.body.add(free);
        } finally {
            while (vlas.live.size() > vlaDepth) vlas.live.remove(vlas.live.size() - 1);
            scope.leave();
        }
    }

    /** A local declaration: typedefs, statics (globals under a unique name) and initialised locals. */
    void localDeclaration(Node block) {
        Attr attr = new Attr();
        Type base = declspec(attr);
        if (attr.isTypedef) {
            typedefs(base);
            vlas.takePending(block, peek());
            return;
        }
        boolean first = true;
        while (!accept(";")) {
            if (!first && !accept(",")) throw error(afterPrevious(), "expected ';' at end of declaration");
            first = false;
            Declarators.Declarator d = declarator(base);
            if (d.name == null) throw error(d.tok, "expected identifier");
            if (d.type.kind == Type.Kind.FUNC || attr.isExtern) {
                Obj g = globals.get(d.name);
                if (g == null) {
                    g = new Obj(d.name, d.type, false);
                    g.tok = d.tok;
                    globals.put(d.name, g);
                }
                if (d.type.kind != Type.Kind.FUNC) threadLocal(g, attr, d);
                scope.declare(d.name).var = g;
                continue;
            }
            if (attr.isThreadLocal && !attr.isStatic) {
                // clang's words; an automatic variable is per thread anyway.
                throw error(attr.threadLocal, "'" + attr.threadLocal.text + "' variables must have global storage");
            }
            if (d.type.kind == Type.Kind.VOID) throw error(d.tok, "variable has incomplete type 'void'");
            if (Vlas.isVla(d.type)) {
                if (attr.isStatic) throw error(d.tok, "variable length array declaration cannot have 'static' storage duration");
                if (at("=")) throw error(peek(), "variable-sized object may not be initialized");
                vlas.declare(d.name, d.type, Math.max(attr.align, d.attrs.align), d.tok, block);
                continue;
            }
            // The sizes a declarator names ("int (*p)[n]") are computed where it is declared.
            vlas.takePending(block, d.tok);
            if (attr.isStatic) {
                // A local static lives in .data under a name no other function can use.
                Obj v = new Obj(fn.name + "." + d.name + "." + nextId(), d.type, false);
                v.isStatic = true;
                v.isDefinition = true;
                v.isThreadLocal = attr.isThreadLocal;
                v.tok = d.tok;
                v.align = Math.max(attr.align, d.attrs.align);
                globals.put(v.name, v);
                scope.declare(d.name).var = v;
                if (accept("=")) init.globalInit(v);
                continue;
            }
            int align = Math.max(Math.max(attr.align, d.attrs.align), d.type.align);
            // The frame is 16-byte aligned: a local that needs more is allocated as a VLA is.
            boolean dynamic = align > 16 && d.type.size >= 0;
            Obj v = dynamic ? vlas.declare(d.name, d.type, align, d.tok, block) : newLocal(d.name, d.type, d.tok);
            v.align = align;
            if (align > 16 && !dynamic) softError(d.tok, "requested alignment for a local array of unknown size is larger than 16 bytes, which Clonix cannot give");
            if (accept("=")) block.body.add(init.localInit(v, d.tok));
            if (v.type.size < 0) softError(d.tok, "variable has incomplete type '" + v.type + "'");
        }
    }

    /**
     * {@code _Static_assert(expr, "message");} (C11 6.7.10), or without the message as C23
     * allows: an error if expr is zero. A declaration: at file scope, in a block or in a
     * struct's member list.
     */
    void staticAssert() {
        Token t = next();
        expect("(");
        long v = expr.constExpr();
        String msg = null;
        if (accept(",")) {
            Token m = peek();
            if (m.kind != Token.Kind.STRING) throw error(m, "expected string literal");
            msg = new String(next().bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        expect(")");
        expect(";");
        if (v == 0) softError(t, "static assertion failed" + (msg == null ? "" : ": \"" + msg + "\""));
    }

    /** Records a label definition; returns its unique assembler label. */
    String defineLabel(Token tok, String name) {
        if (labels.containsKey(name)) softError(tok, "redefinition of label '" + name + "'");
        String u = newLabel();
        labels.put(name, u);
        vlas.label(name);
        return u;
    }

    /** Records a goto, resolved at the end of the function. */
    void addGoto(Node g) {
        gotos.add(g);
        vlas.beforeGoto(g);
    }
}
