/* gcc's floating builtins: constants (inf, huge_val, nan), sqrt and fma (one rounding), fabs, copysign and the classifications, at run time and folded. */
#include "fp.h"

volatile double zero = 0.0, one = 1.0, two = 2.0, minus_two = -2.0, tenth = 0.1, ten = 10.0, minus_one = -1.0;
volatile float ftwo = 2.0f, fminus = -2.0f, ftenth = 0.1f, ften = 10.0f, fminus_one = -1.0f;

int main(void) {
    show_d("__builtin_inf()", __builtin_inf());
    show_f("__builtin_inff()", __builtin_inff());
    show_d("__builtin_huge_val()", __builtin_huge_val());
    show_f("__builtin_huge_valf()", __builtin_huge_valf());
    show_d("__builtin_nan(\"\")", __builtin_nan(""));
    show_f("__builtin_nanf(\"\")", __builtin_nanf(""));
    show_d("__builtin_nan(\"0x12\")", __builtin_nan("0x12"));
    show_d("-__builtin_inf()", -__builtin_inf());

    show_d("sqrt(2)", __builtin_sqrt(two));
    show_d("sqrt(2) folded", __builtin_sqrt(2.0));
    show_d("sqrt(-2)", __builtin_sqrt(minus_two));
    show_d("sqrt(-0.0)", __builtin_sqrt(-zero));
    show_d("sqrt(inf)", __builtin_sqrt(one / zero));
    show_f("sqrtf(2)", __builtin_sqrtf(ftwo));
    show_f("sqrtf(2) folded", __builtin_sqrtf(2.0f));
    show_f("sqrtf(-2)", __builtin_sqrtf(fminus));
    show_d("sqrt(1e-310)", __builtin_sqrt(1e-310 * one));

    show_d("fma(0.1, 10, -1)", __builtin_fma(tenth, ten, minus_one));
    show_d("fma folded", __builtin_fma(0.1, 10.0, -1.0));
    show_d("0.1 * 10 - 1 (two roundings)", tenth * ten - one);
    show_f("fmaf(0.1f, 10, -1)", __builtin_fmaf(ftenth, ften, fminus_one));
    show_f("fmaf folded", __builtin_fmaf(0.1f, 10.0f, -1.0f));

    show_d("fabs(-2)", __builtin_fabs(minus_two));
    show_d("fabs(-0.0)", __builtin_fabs(-zero));
    show_d("fabs(-nan)", __builtin_fabs(-(zero / zero)));
    show_f("fabsf(-2)", __builtin_fabsf(fminus));
    show_d("fabs folded", __builtin_fabs(-3.5));
    show_d("copysign(3, -2)", __builtin_copysign(3.0 * one, minus_two));
    show_d("copysign(-3, 0.0)", __builtin_copysign(-3.0 * one, zero));
    show_d("copysign(1, -0.0)", __builtin_copysign(one, -zero));
    show_f("copysignf(3, -2)", __builtin_copysignf(3.0f * ftwo, fminus));
    show_d("copysign folded", __builtin_copysign(2.5, -0.0));

    double nan = zero / zero, inf = one / zero;
    float fnan = nan;
    show("isnan(nan)", __builtin_isnan(nan));
    show("isnan(1)", __builtin_isnan(one));
    show("isnan(nanf)", __builtin_isnan(fnan));
    show("isinf(inf)", __builtin_isinf(inf));
    show("isinf(-inf)", __builtin_isinf(-inf));
    show("isinf(nan)", __builtin_isinf(nan));
    show("isinf(1e308)", __builtin_isinf(1e308 * one));
    show("isfinite(1e308)", __builtin_isfinite(1e308 * one));
    show("isfinite(inf)", __builtin_isfinite(inf));
    show("isfinite(nan)", __builtin_isfinite(nan));
    show("signbit(-0.0)", !!__builtin_signbit(-zero));
    show("signbit(0.0)", !!__builtin_signbit(zero));
    show("signbit(nan)", !!__builtin_signbit(nan));
    show("signbit(-2.0f)", !!__builtin_signbit(fminus));
    show("isnan folded", __builtin_isnan(0.0 / 0.0));
    show("isinf folded", __builtin_isinf(1e308 * 10));
    int calls = 0;
    double x = __builtin_isnan((calls++, nan)) ? 1.0 : 2.0;
    show("isnan evaluates its operand once", calls);
    show_d("  and gives", x);
    return 0;
}
