/* tempfile.c: mkstemp and mkdtemp, which make a file or directory of a new name from a
   template whose last six characters are XXXXXX. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define ATTEMPTS 100

/* Replaces the XXXXXX with random letters and digits; EINVAL if the template lacks them. */
static int fill(char *template)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    size_t len = strlen(template);
    unsigned char r[6];
    if (len < 6 || strcmp(template + len - 6, "XXXXXX") != 0) {
        errno = EINVAL;
        return -1;
    }
    if (getrandom(r, 6, 0) != 6) return -1;
    for (int i = 0; i < 6; i++) template[len - 6 + i] = letters[r[i] % 62];
    return 0;
}

/* Tries new names until one is free (O_EXCL): EEXIST after ATTEMPTS tries, as glibc gives up. */
int mkstemp(char *template)
{
    size_t len = strlen(template);
    for (int i = 0; i < ATTEMPTS; i++) {
        if (i > 0) memcpy(template + len - 6, "XXXXXX", 6);
        if (fill(template) < 0) return -1;
        int fd = open(template, O_RDWR | O_CREAT | O_EXCL, 0600);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    return -1;
}

char *mkdtemp(char *template)
{
    size_t len = strlen(template);
    for (int i = 0; i < ATTEMPTS; i++) {
        if (i > 0) memcpy(template + len - 6, "XXXXXX", 6);
        if (fill(template) < 0) return 0;
        if (mkdir(template, 0700) == 0) return template;
        if (errno != EEXIST) return 0;
    }
    return 0;
}
