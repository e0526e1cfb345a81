/* vtime_read: a non-canonical read with VMIN 0 and VTIME 5 waits half a second at most:
 * with nothing typed it returns 0 bytes after 0.5 s (measured on CLOCK_MONOTONIC, in
 * tenths). The terminal is put back before it exits. */
#include <stdio.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    struct termios cooked, t;
    tcgetattr(0, &cooked);
    t = cooked;
    t.c_lflag &= ~(ICANON | ECHO);
    t.c_cc[VMIN] = 0;
    t.c_cc[VTIME] = 5;
    tcsetattr(0, TCSANOW, &t);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    char c;
    long n = read(0, &c, 1);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long tenths = ((b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec)) / 100000000L;
    tcsetattr(0, TCSANOW, &cooked);
    printf("read %ld bytes after %ld.%ld s\n", n, tenths / 10, tenths % 10);
    return 0;
}
