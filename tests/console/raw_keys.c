/* raw_keys: puts the terminal in raw mode (cfmakeraw) and reports each key as it is typed,
 * until q. It does not put the terminal back: the shell must (ConsoleKeysTest). Raw mode has
 * no ISIG, so Ctrl-C is the byte 3, and no output processing, hence the \r\n. */
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

int main(void) {
    struct termios t;
    if (tcgetattr(0, &t) != 0) {
        perror("tcgetattr");
        return 1;
    }
    cfmakeraw(&t);
    tcsetattr(0, TCSANOW, &t);
    printf("raw: type keys, q quits\r\n");
    fflush(stdout);
    for (;;) {
        char c;
        if (read(0, &c, 1) != 1) return 1;
        printf("key %d\r\n", c);
        fflush(stdout);
        if (c == 'q') return 0;
    }
}
