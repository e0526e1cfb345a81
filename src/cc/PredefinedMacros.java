package cc;

/**
 * The macros every Clonix compilation starts with, describing the target: an LP64 machine
 * (int 32 bits, long and pointers 64), little-endian, signed plain char, C11 hosted.
 *
 * <p>Clonix does not pretend to be GCC or x86-64 or Linux: {@code __GNUC__},
 * {@code __x86_64__} and {@code __linux__} are not defined, so headers that test for them take
 * their portable paths. {@code __STDC_NO_ATOMICS__}, {@code __STDC_NO_THREADS__} and
 * {@code __STDC_NO_COMPLEX__} are defined because the compiler implements none of
 * {@code _Atomic}, {@code <threads.h>} or complex numbers (threads come from pthreads,
 * atomics from the library); variable-length arrays it has, so {@code __STDC_NO_VLA__} is not.
 */
final class PredefinedMacros {
    private PredefinedMacros() {
    }

    /** The definitions, as {@code #define} lines. */
    static final String SOURCE = String.join("\n",
            "#define __clonix__ 1",
            "#define __unix__ 1",
            "#define __unix 1",
            "#define __LP64__ 1",
            "#define _LP64 1",
            "#define __CHAR_BIT__ 8",
            "#define __SIZEOF_SHORT__ 2",
            "#define __SIZEOF_INT__ 4",
            "#define __SIZEOF_LONG__ 8",
            "#define __SIZEOF_LONG_LONG__ 8",
            "#define __SIZEOF_POINTER__ 8",
            "#define __SIZEOF_SIZE_T__ 8",
            "#define __SIZEOF_PTRDIFF_T__ 8",
            "#define __SIZEOF_WCHAR_T__ 4",
            "#define __SCHAR_MAX__ 127",
            "#define __SHRT_MAX__ 32767",
            "#define __INT_MAX__ 2147483647",
            "#define __LONG_MAX__ 9223372036854775807L",
            "#define __LONG_LONG_MAX__ 9223372036854775807LL",
            "#define __ORDER_LITTLE_ENDIAN__ 1234",
            "#define __ORDER_BIG_ENDIAN__ 4321",
            "#define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__",
            "#define __STDC__ 1",
            "#define __STDC_VERSION__ 201112L",
            "#define __STDC_HOSTED__ 1",
            "#define __STDC_NO_ATOMICS__ 1",
            "#define __STDC_NO_THREADS__ 1",
            "#define __STDC_NO_COMPLEX__ 1",
            "#define __SIZE_TYPE__ unsigned long",
            "#define __PTRDIFF_TYPE__ long",
            "#define __INTPTR_TYPE__ long",
            "#define __UINTPTR_TYPE__ unsigned long",
            "#define __INTMAX_TYPE__ long",
            "#define __UINTMAX_TYPE__ unsigned long",
            "#define __WCHAR_TYPE__ int",
            "");

    /**
     * The directive for one command-line option: {@code -Dname} defines name as 1,
     * {@code -Dname=value} as value, {@code -Uname} undefines it. Anything else is null.
     */
    static String directiveFor(String option) {
        // A value cannot span lines: a newline would start a new directive.
        option = option.replace('\n', ' ').replace('\r', ' ');
        if (option.startsWith("-U")) return "#undef " + option.substring(2) + "\n";
        if (!option.startsWith("-D")) return null;
        String def = option.substring(2);
        int eq = def.indexOf('=');
        if (eq < 0) return "#define " + def + " 1\n";
        return "#define " + def.substring(0, eq) + " " + def.substring(eq + 1) + "\n";
    }
}
