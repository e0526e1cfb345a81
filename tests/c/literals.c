/*
 * Character and string literals with encoding prefixes (L u U u8), universal character
 * names (\u, \U), GCC's \e, concatenation of plain and wide literals, and identifiers
 * written in UTF-8. wchar_t is int, char16_t unsigned short and char32_t unsigned int,
 * as on x86-64 Linux.
 */
#include "print.h"

typedef int wchar_t;
typedef unsigned short char16_t;
typedef unsigned int char32_t;

static const wchar_t wide[] = L"h\u00e9llo \U0001F600";
static const char16_t utf16[] = u"x\U0001F600y";
static const char32_t utf32[] = U"\u20ac" U"!";
static const char utf8[] = u8"caf\u00e9";

static void show_units(const char *label, const unsigned char *p, long n) {
    print_str(label);
    for (long i = 0; i < n; i++) {
        print_str(" ");
        print_long(p[i]);
    }
    print_str("\n");
}

int größe(int ñ) {
    return ñ * 2;
}

int main(void) {
    show("sizeof L'a'", sizeof L'a');
    show("sizeof u'a'", sizeof u'a');
    show("sizeof U'a'", sizeof U'a');
    show("L'\\u00e9'", L'\u00e9');
    show("U'\\U0001F600'", U'\U0001F600');
    show("u'\\u20ac'", u'\u20ac');
    show("L'\\xffffffff' < 0", L'\xffffffff' < 0);
    show("U'\\xffffffff' > 0", U'\xffffffff' > 0);
    show("'\\e'", '\e');
    show("'\\j' (unknown: the letter itself, with a warning)", '\j');
    show("sizeof wide", sizeof wide);
    show("sizeof utf16", sizeof utf16);
    show("sizeof utf32", sizeof utf32);
    show("sizeof utf8", sizeof utf8);
    show("sizeof L\"ab\" \"cd\"", sizeof(L"ab" "cd"));
    show("sizeof \"ab\" u\"cd\"", sizeof("ab" u"cd"));
    for (int i = 0; i < (int) (sizeof wide / sizeof wide[0]); i++) show("wide", wide[i]);
    for (int i = 0; i < (int) (sizeof utf16 / sizeof utf16[0]); i++) show("utf16", utf16[i]);
    for (int i = 0; i < (int) (sizeof utf32 / sizeof utf32[0]); i++) show("utf32", utf32[i]);
    show_units("utf8", (const unsigned char *) utf8, sizeof utf8);
    show_units("narrow \\u", (const unsigned char *) "\u00e9\U0001F600", sizeof "\u00e9\U0001F600");
    const wchar_t *p = L"xy" "z";
    show("L\"xy\" \"z\"[2]", p[2]);
    wchar_t local[4] = L"ab";
    show("local[1]", local[1]);
    show("local[3]", local[3]);
    char16_t braced[] = {u"q"};
    show("braced", braced[0] + (long) sizeof braced);
    show("größe(21)", größe(21));
    print_str("\e[0m done\n");
    return 0;
}
