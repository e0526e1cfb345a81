/* term_modes: prints the terminal modes a program starts with: canonical mode, echo, signal
 * keys, and whether standard input is non-blocking. */
#include <fcntl.h>
#include <stdio.h>
#include <termios.h>

int main(void) {
    struct termios t;
    if (tcgetattr(0, &t) != 0) {
        perror("tcgetattr");
        return 1;
    }
    printf("icanon=%d echo=%d isig=%d nonblock=%d\n", (t.c_lflag & ICANON) != 0, (t.c_lflag & ECHO) != 0,
           (t.c_lflag & ISIG) != 0, (fcntl(0, F_GETFL) & O_NONBLOCK) != 0);
    return 0;
}
