package cc;

/**
 * The macros every Clonix compilation starts with, describing the target: an LP64 machine
 * (int 32 bits, long and pointers 64), little-endian, signed plain char, C11 hosted.
 *
 * <p>Clonix does not pretend to be GCC or x86-64 or Linux: {@code __GNUC__},
 * {@code __x86_64__} and {@code __linux__} are not defined, so headers that test for them take
 * their portable paths. {@code __STDC_NO_THREADS__} and {@code __STDC_NO_COMPLEX__} are
 * defined because the compiler implements neither {@code <threads.h>} nor complex numbers
 * (threads come from pthreads); it has variable-length arrays and {@code _Atomic}, so
 * {@code __STDC_NO_VLA__} and {@code __STDC_NO_ATOMICS__} are not defined. The memory orders
 * of the {@code __atomic_*} builtins have GCC's names and values.
 *
 * <p>Floating point is IEEE 754: float is binary32, double binary64, and long double is
 * double (8 bytes, not x86-64's 80-bit format), so the {@code __LDBL_*__} macros, which
 * float.h reads, repeat the {@code __DBL_*__} values.
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
            "#define __STDC_NO_THREADS__ 1",
            "#define __STDC_NO_COMPLEX__ 1",
            "#define __SIZE_TYPE__ unsigned long",
            "#define __PTRDIFF_TYPE__ long",
            "#define __INTPTR_TYPE__ long",
            "#define __UINTPTR_TYPE__ unsigned long",
            "#define __INTMAX_TYPE__ long",
            "#define __UINTMAX_TYPE__ unsigned long",
            "#define __WCHAR_TYPE__ int",
            "#define __SIZEOF_FLOAT__ 4",
            "#define __SIZEOF_DOUBLE__ 8",
            "#define __SIZEOF_LONG_DOUBLE__ 8",
            "#define __FLT_EVAL_METHOD__ 0",
            "#define __FLT_RADIX__ 2",
            "#define __DECIMAL_DIG__ 17",
            "#define __FLT_MANT_DIG__ 24",
            "#define __FLT_DIG__ 6",
            "#define __FLT_MIN_EXP__ (-125)",
            "#define __FLT_MIN_10_EXP__ (-37)",
            "#define __FLT_MAX_EXP__ 128",
            "#define __FLT_MAX_10_EXP__ 38",
            "#define __FLT_DECIMAL_DIG__ 9",
            "#define __FLT_MAX__ 3.40282346638528859811704183484516925e+38F",
            "#define __FLT_MIN__ 1.17549435082228750796873653722224568e-38F",
            "#define __FLT_EPSILON__ 1.19209289550781250000000000000000000e-7F",
            "#define __FLT_DENORM_MIN__ 1.40129846432481707092372958328991613e-45F",
            "#define __FLT_HAS_DENORM__ 1",
            "#define __FLT_HAS_INFINITY__ 1",
            "#define __FLT_HAS_QUIET_NAN__ 1",
            "#define __DBL_MANT_DIG__ 53",
            "#define __DBL_DIG__ 15",
            "#define __DBL_MIN_EXP__ (-1021)",
            "#define __DBL_MIN_10_EXP__ (-307)",
            "#define __DBL_MAX_EXP__ 1024",
            "#define __DBL_MAX_10_EXP__ 308",
            "#define __DBL_DECIMAL_DIG__ 17",
            "#define __DBL_MAX__ ((double)1.79769313486231570814527423731704357e+308L)",
            "#define __DBL_MIN__ ((double)2.22507385850720138309023271733240406e-308L)",
            "#define __DBL_EPSILON__ ((double)2.22044604925031308084726333618164062e-16L)",
            "#define __DBL_DENORM_MIN__ ((double)4.94065645841246544176568792868221372e-324L)",
            "#define __DBL_HAS_DENORM__ 1",
            "#define __DBL_HAS_INFINITY__ 1",
            "#define __DBL_HAS_QUIET_NAN__ 1",
            "#define __LDBL_MANT_DIG__ 53",
            "#define __LDBL_DIG__ 15",
            "#define __LDBL_MIN_EXP__ (-1021)",
            "#define __LDBL_MIN_10_EXP__ (-307)",
            "#define __LDBL_MAX_EXP__ 1024",
            "#define __LDBL_MAX_10_EXP__ 308",
            "#define __LDBL_DECIMAL_DIG__ 17",
            "#define __LDBL_MAX__ 1.79769313486231570814527423731704357e+308L",
            "#define __LDBL_MIN__ 2.22507385850720138309023271733240406e-308L",
            "#define __LDBL_EPSILON__ 2.22044604925031308084726333618164062e-16L",
            "#define __LDBL_DENORM_MIN__ 4.94065645841246544176568792868221372e-324L",
            "#define __LDBL_HAS_DENORM__ 1",
            "#define __LDBL_HAS_INFINITY__ 1",
            "#define __LDBL_HAS_QUIET_NAN__ 1",
            "#define __ATOMIC_RELAXED 0",
            "#define __ATOMIC_CONSUME 1",
            "#define __ATOMIC_ACQUIRE 2",
            "#define __ATOMIC_RELEASE 3",
            "#define __ATOMIC_ACQ_REL 4",
            "#define __ATOMIC_SEQ_CST 5",
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
