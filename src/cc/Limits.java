package cc;

/**
 * Every limit the compiler keeps, in one place. The compiler runs inside the Clonix process,
 * also on the guest's behalf (the shell's {@code cc}), so no input may make it allocate
 * without bound or run for ever: each stage refuses, with a diagnostic, an input that would
 * need more than these. The values are far above what a real program needs (a course's
 * programs are a few thousand lines) and low enough that the worst input within them still
 * compiles in a 1 GiB Java heap. docs/preprocessor.md lists them for users.
 *
 * <p>The assembler and the linker keep their own limits (asm.Pass, ld.Layout); the largest
 * object file or executable is also bounded by the largest file the guest can hold.
 */
public final class Limits {
    private Limits() {}

    /**
     * The largest object (array, struct or union) and the largest total of one function's
     * local variables: 1 GiB, the most the assembler's .bss can hold. Beyond it gcc's
     * "size of array 'a' is too large". Sizes are ints in the compiler, so this also keeps
     * every sum of sizes and offsets from overflowing.
     */
    public static final int MAX_OBJECT_SIZE = 1 << 30;

    /**
     * The assembler's limits on its sections (asm.Pass): .data and .rodata hold at most
     * 16 MiB each, .bss 1 GiB. The compiler checks its globals against them first, so that
     * a program too large for them is reported against its C declaration, not the .s text.
     */
    public static final long MAX_DATA_SECTION_BYTES = 16 << 20, MAX_BSS_SECTION_BYTES = 1L << 30;

    /** The largest C source file or header: 1 MiB. */
    public static final int MAX_SOURCE_BYTES = 1 << 20;

    /** The most source, in bytes, one translation unit may read, counting every #include again: 16 MiB. */
    public static final long MAX_TRANSLATION_UNIT_BYTES = 16L << 20;

    /** The most files one translation unit may enter by #include (each time counted): 20,000. */
    public static final int MAX_INCLUDES = 20_000;

    /** How deep #include may nest, as GCC's and clang's limit. */
    public static final int MAX_INCLUDE_DEPTH = 200;

    /** How deep macro arguments and #if parentheses may nest. */
    public static final int MAX_PREPROCESSOR_NESTING = 200;

    /** The most tokens macro expansion may produce in one translation unit, against exponential macros. */
    public static final long MAX_EXPANDED_TOKENS = 2_000_000;

    /** The most text the # and ## operators may produce in one translation unit: 16 MiB. */
    public static final long MAX_EXPANDED_TEXT = 16L << 20;

    /** The most tokens a translation unit may have after preprocessing: 1,000,000. */
    public static final int MAX_TRANSLATION_UNIT_TOKENS = 1_000_000;

    /**
     * The largest assembly text: an input .s file, or what the compiler generates for one
     * translation unit: 4 MiB (about 20,000 lines of C). The assembler holds every parsed
     * line of a file at once, some 50 bytes of heap per byte of text.
     */
    public static final int MAX_ASSEMBLY_BYTES = 4 << 20;

    /** The largest object file or archive read: 64 MiB, the largest file the guest can hold. */
    public static final int MAX_OBJECT_FILE_BYTES = 64 << 20;

    /**
     * The largest alignment {@code _Alignas} or {@code __attribute__((aligned))} may ask for:
     * 4096 bytes, a page (the assembler's {@code .align} takes up to 64 KiB).
     */
    public static final int MAX_ALIGNMENT = 4096;

    /** {@code bytes} in the largest whole unit: "1 GiB", "16 MiB", "4096 bytes". */
    public static String describe(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + " GiB";
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return (bytes >> 20) + " MiB";
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) return (bytes >> 10) + " KiB";
        return bytes + " bytes";
    }
}
