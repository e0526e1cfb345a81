/*
 * wide_chars.c: wide and Unicode literals, wchar.h's wide-string functions and the UTF-8
 * conversions of stdlib.h, wchar.h and uchar.h, in the C.UTF-8 locale (Clonix's only one).
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>
#include <wchar.h>

static void show_bytes(const char *label, const char *s, size_t n)
{
    printf("%s:", label);
    for (size_t i = 0; i < n; i++) printf(" %02x", (unsigned char) s[i]);
    printf("\n");
}

static void show_wide(const char *label, const wchar_t *w)
{
    printf("%s:", label);
    for (; *w; w++) printf(" U+%04X", (unsigned) *w);
    printf("\n");
}

static void decode(const char *label, const char *s, size_t n)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    wchar_t wc = 0;
    errno = 0;
    size_t r = mbrtowc(&wc, s, n, &st);
    printf("mbrtowc %s = %ld, wc %X, errno %d, mbsinit %d\n", label, (long) r, (unsigned) wc, errno, mbsinit(&st));
}

int main(void)
{
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) return 1;

    wchar_t buf[32];
    wcscpy(buf, L"gr\u00fc\u00df");
    wcscat(buf, L" dich");
    show_wide("wcscpy+wcscat", buf);
    printf("wcslen %zu\n", wcslen(buf));
    printf("wcscmp %d %d %d\n", wcscmp(L"abc", L"abd") < 0, wcscmp(L"b", L"a") > 0, wcscmp(L"x", L"x"));
    printf("wcscmp negative %d\n", wcscmp(L"\xffffffff", L"a") < 0);
    printf("wcsncmp %d\n", wcsncmp(L"abcX", L"abcY", 3));
    printf("wcschr %td wcsrchr %td\n", wcschr(buf, L'\u00df') - buf, wcsrchr(buf, L'h') - buf);
    printf("wcschr nul %td, missing %d\n", wcschr(buf, 0) - buf, wcschr(buf, L'z') == NULL);
    printf("wcsstr %td\n", wcsstr(buf, L"dich") - buf);
    wchar_t pad[6];
    wmemset(pad, L'*', 6);
    wcsncpy(pad, L"ab", 4);
    printf("wcsncpy pad %X %X %X %X %X\n", (unsigned) pad[1], (unsigned) pad[2], (unsigned) pad[3],
           (unsigned) pad[4], (unsigned) pad[5]);
    wchar_t copy[4];
    wmemcpy(copy, L"xyz", 4);
    wmemmove(copy + 1, copy, 2);
    show_wide("wmemmove", copy);
    const wchar_t *abc = L"abc";
    printf("wmemcmp %d wmemchr %td\n", wmemcmp(L"ab", L"ac", 2) < 0, wmemchr(abc, L'c', 3) - abc);

    const char *utf8 = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80";
    wchar_t wide[32];
    size_t n = mbstowcs(wide, utf8, 32);
    printf("mbstowcs %zu\n", n);
    show_wide("decoded", wide);
    printf("mbstowcs count only %zu\n", mbstowcs(NULL, utf8, 0));
    char back[64];
    n = wcstombs(back, wide, sizeof back);
    printf("wcstombs %zu same %d\n", n, strcmp(back, utf8) == 0);
    printf("wcstombs count only %zu\n", wcstombs(NULL, L"\u00e9\u20ac", 0));
    memset(back, 'Z', sizeof back);
    n = wcstombs(back, L"a\u20acb", 3);
    printf("wcstombs short %zu\n", n);
    show_bytes("short", back, 4);
    errno = 0;
    wchar_t bad[] = {0xd800, 0};
    long result = (long) wcstombs(back, bad, sizeof back);
    printf("wcstombs surrogate %ld errno %d\n", result, errno);
    errno = 0;
    result = (long) mbstowcs(wide, "a\xff", 8);
    printf("mbstowcs invalid %ld errno %d\n", result, errno);

    printf("mblen %d %d %d %d\n", mblen("\xe2\x82\xac", 3), mblen("a", 1), mblen("", 1), mblen("\xe2\x82", 2));
    wchar_t wc;
    int len = mbtowc(&wc, "\xc3\xa9", 2);
    printf("mbtowc %d -> %X\n", len, (unsigned) wc);
    char mb[8];
    len = wctomb(mb, 0x1F600);
    show_bytes("wctomb", mb, len);
    printf("wctomb big %d, negative %d\n", wctomb(mb, 0x7fffffff), wctomb(mb, -5));
    printf("MB_CUR_MAX %d\n", (int) MB_CUR_MAX);

    decode("ascii", "A", 1);
    decode("two", "\xc3\xa9", 2);
    decode("nul", "", 1);
    decode("overlong", "\xc0\x80", 2);
    decode("overlong3", "\xe0\x80\x80", 3);
    decode("surrogate", "\xed\xa0\x80", 3);
    decode("stray", "\x80", 1);
    decode("five", "\xf8\x88\x80\x80\x80", 5);
    decode("beyond", "\xf4\x90\x80\x80", 4);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t r1 = mbrtowc(&wc, "\xf0\x9f", 2, &st);
    int mid = mbsinit(&st);
    size_t r2 = mbrtowc(&wc, "\x98\x80", 2, &st);
    printf("split %ld %d %ld -> %X\n", (long) r1, mid, (long) r2, (unsigned) wc);
    printf("mbrlen %ld\n", (long) mbrlen("\xe2\x82\xac", 3, NULL));
    len = (int) wcrtomb(mb, L'\u20ac', NULL);
    show_bytes("wcrtomb", mb, len);
    printf("btowc %d %d wctob %d %d\n", (int) btowc('a'), (int) btowc(0xe9) == (int) WEOF, wctob(L'a'), wctob(0xe9));

    char16_t c16;
    memset(&st, 0, sizeof st);
    r1 = mbrtoc16(&c16, "\xf0\x9f\x98\x80", 4, &st);
    printf("mbrtoc16 %ld %X", (long) r1, (unsigned) c16);
    r2 = mbrtoc16(&c16, "", 0, &st);
    printf(" then %ld %X\n", (long) r2, (unsigned) c16);
    char32_t c32;
    memset(&st, 0, sizeof st);
    result = (long) mbrtoc32(&c32, "\xe2\x82\xac", 3, &st);
    printf("mbrtoc32 %ld %X\n", result, (unsigned) c32);
    len = (int) c32rtomb(mb, U'\U0001F600', &st);
    show_bytes("c32rtomb", mb, len);

    printf("[%ls] [%5lc] [%-8ls|] [%.3ls] [%.4ls] [%lc]\n", L"h\u00e9llo", (wint_t) L'\u20ac', L"ab",
           L"\u00e9\u00e9", L"\u00e9\u00e9\u00e9", (wint_t) L'x');
    printf("[%ls] [%.3ls] [%10ls]\n", (wchar_t *) NULL, (wchar_t *) NULL, L"\U0001F600");
    char small[16];
    int n16 = snprintf(small, sizeof small, "%ls!", L"gr\u00fc\u00df");
    printf("snprintf %d %s\n", n16, small);
    fflush(stdout);
    errno = 0;
    int failed = printf("before %ls after\n", bad);
    int saved = errno;
    fflush(stdout);
    printf("\n%%ls of a surrogate: %d errno %d\n", failed, saved);
    errno = 0;
    failed = snprintf(small, sizeof small, "%lc", (wint_t) 0xd800);
    printf("%%lc of a surrogate: %d errno %d\n", failed, errno);
    printf("sizeof wchar_t %zu char16_t %zu char32_t %zu wint_t %zu\n", sizeof(wchar_t), sizeof(char16_t),
           sizeof(char32_t), sizeof(wint_t));
    printf("WCHAR_MAX %d WEOF %u\n", WCHAR_MAX, (unsigned) WEOF);
    return 0;
}
