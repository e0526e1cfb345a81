# What cc says about a wrong program points into the C source: an undefined reference names
# the C file and function that use it (also after separate compilation), and a global too
# large for its section is reported at its declaration. Then wide characters, in UTF-8.
cd /tmp
echo 'int helper(void);' > prog.c
echo 'static int twice(void) { return helper() + helper(); }' >> prog.c
echo 'int main(void) { return helper() + twice(); }' >> prog.c
cc -c prog.c
cc prog.o -o prog
echo status $?
echo 'char big[600000000];' > big.c
echo 'char more[600000000];' >> big.c
cc -c big.c
echo status $?
echo '#include <stdio.h>' > wide.c
echo '#include <stdlib.h>' >> wide.c
echo '#include <wchar.h>' >> wide.c
echo 'int main(void) { char buf[32]; const wchar_t *w = L"gr\u00fc\u00df dich \U0001F600"; printf("%zu wide, %zu bytes: ", wcslen(w), wcstombs(buf, w, sizeof buf)); puts(buf); return 0; }' >> wide.c
cc wide.c -o wide
./wide
