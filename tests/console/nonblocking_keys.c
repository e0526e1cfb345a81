/* nonblocking_keys: makes standard input non-blocking and non-canonical, shows that a read
 * with nothing typed fails with EAGAIN, then spins (it never sleeps, so the machine never
 * idles) reading until a key comes. Like a program killed in that state, it leaves the
 * terminal as it set it: the shell puts it back. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int main(void) {
    struct termios t;
    tcgetattr(0, &t);
    t.c_lflag &= ~(ICANON | ECHO);
    tcsetattr(0, TCSANOW, &t);
    fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK);
    char c;
    long n = read(0, &c, 1);
    printf("nothing typed: %ld %s\n", n, n < 0 ? strerror(errno) : "");
    fflush(stdout);
    while ((n = read(0, &c, 1)) < 0 && errno == EAGAIN) continue;
    printf("while spinning: %c\n", c);
    return 0;
}
