package cc;

/**
 * What the code generator's tests read: the assembly `cc -S` gives for a C source, and the
 * instructions of one function in it.
 */
final class GeneratedCode {
    private GeneratedCode() {}

    /** The assembly of {@code source}, compiled as t.c. */
    static String asm(String source) throws Exception {
        return Compiler.compileSource("t.c", source).assembly();
    }

    /** The instructions of function {@code name} in {@code asm}, one a line, without directives, comments and labels. */
    static String code(String asm, String name) {
        String f = asm.substring(asm.indexOf("\n" + name + ":\n") + name.length() + 3);
        f = f.substring(0, f.indexOf("\t.size"));
        return f.replaceAll("(?m)^(\t[.#].*|[.\\w]+:)\n", "");
    }
}
