/* Benchmark: string work with hand-written strlen, strcpy, strcmp and strcat loops. */
#include "bench_io.h"

static unsigned long my_strlen(const char *s) {
    unsigned long n = 0;
    while (s[n]) n++;
    return n;
}

static char *my_strcpy(char *dst, const char *src) {
    char *d = dst;
    while ((*d++ = *src++) != 0) {
    }
    return dst;
}

static int my_strcmp(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char) *a - (unsigned char) *b;
}

static void my_strcat(char *dst, const char *src) {
    my_strcpy(dst + my_strlen(dst), src);
}

static char words[64][32];
static char line[2048];
static char scratch[2048];

int main(int argc, char **argv) {
    long rounds = size_arg(argc, argv, 300);
    unsigned long checksum = 0;
    unsigned int seed = 12345;
    for (int w = 0; w < 64; w++) {
        int len = 3 + w % 20;
        for (int k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            words[w][k] = (char) (97 + (seed >> 16) % 26);
        }
        words[w][len] = 0;
    }
    for (long r = 0; r < rounds; r++) {
        line[0] = 0;
        for (int w = 0; w < 64; w++) {
            my_strcat(line, words[(w + r) % 64]);
            my_strcat(line, " ");
        }
        checksum = checksum * 7 + my_strlen(line);
        for (int w = 1; w < 64; w++) {
            int c = my_strcmp(words[w - 1], words[w]);
            checksum = checksum * 3 + (unsigned long) (c < 0 ? 1 : c > 0 ? 2 : 0);
        }
        for (unsigned long i = 0; line[i]; i++) checksum += (unsigned char) line[i] * (i & 7);
        my_strcpy(scratch, line + r % 50);
        scratch[r % 31] = 0;
        my_strcpy(words[r % 64], scratch);
    }
    print_result("strings", checksum);
    return 0;
}
