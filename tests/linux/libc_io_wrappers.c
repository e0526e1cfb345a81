/* pread, pwrite, readv, writev, rename, getline, getdelim, asprintf: results, the file
   offset they leave, and their errors. syscall.h is glibc's other name for sys/syscall.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <syscall.h>
#include <unistd.h>

#define TRY(label, call)                                           \
    do {                                                           \
        errno = 0;                                                 \
        long r_ = (long)(call);                                    \
        int e_ = errno;                                            \
        printf("%s: %ld errno %d\n", label, r_, e_);              \
    } while (0)

int main(void)
{
    const char *path = "libc_io_wrappers.tmp";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    struct iovec out[3] = {{"first line\n", 11}, {"", 0}, {"second\nthird", 12}};
    TRY("writev", writev(fd, out, 3));
    char buf[16] = {0};
    TRY("pread at 6", pread(fd, buf, 4, 6));
    printf("  got \"%s\", offset still %ld\n", buf, (long)lseek(fd, 0, SEEK_CUR));
    TRY("pwrite at 0", pwrite(fd, "FIRST", 5, 0));
    TRY("pwrite past the end", pwrite(fd, "!", 1, 30));
    long offset = (long)lseek(fd, 0, SEEK_CUR);
    printf("  offset still %ld, size %ld\n", offset, (long)lseek(fd, 0, SEEK_END));
    lseek(fd, 0, SEEK_SET);
    char a[4] = {0}, b[9] = {0};
    struct iovec in[2] = {{a, 3}, {b, 8}};
    TRY("readv", readv(fd, in, 2));
    printf("  \"%s\" \"%s\"\n", a, b);

    TRY("pread negative offset", pread(fd, buf, 1, -1));
    volatile int counts[2] = {-1, 1025}; /* out of range, from where the compiler does not look */
    TRY("readv iovcnt -1", readv(fd, in, counts[0]));
    TRY("readv iovcnt 1025", readv(fd, in, counts[1]));
    int p[2];
    pipe(p);
    TRY("pread on a pipe", pread(p[0], buf, 1, 0));
    TRY("pwrite bad fd", pwrite(99, "x", 1, 0));
    close(p[0]);
    close(p[1]);
    close(fd);

    TRY("rename", rename(path, "libc_io_wrappers.renamed"));
    TRY("rename missing", rename(path, "elsewhere"));
    FILE *f = fopen("libc_io_wrappers.renamed", "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) != -1) printf("getline %ld: \"%.*s\" (strlen %zu)\n", (long)n, (int)n, line, strlen(line));
    printf("  at the end: feof %d, buffer kept %d\n", feof(f) != 0, line != NULL && cap >= 120);
    rewind(f);
    while ((n = getdelim(&line, &cap, 'i', f)) != -1) printf("getdelim 'i' %ld\n", (long)n);
    free(line);
    line = NULL;
    TRY("getline null lineptr", getline(NULL, &cap, f));
    TRY("getline null n", getline(&line, NULL, f));
    fclose(f);
    unlink("libc_io_wrappers.renamed");

    /* A line longer than the first buffer grows it. */
    f = fopen("libc_io_wrappers.long", "w+");
    for (int i = 0; i < 500; i++) fputc('a' + i % 26, f);
    fputc('\n', f);
    rewind(f);
    line = NULL;
    cap = 0;
    n = getline(&line, &cap, f);
    printf("long line: %ld bytes, buffer big enough %d\n", (long)n, cap > 500);
    free(line);
    fclose(f);
    unlink("libc_io_wrappers.long");

    char *s = NULL;
    int len = asprintf(&s, "%s %d %5.2f|%-4s|", "pi is", 3, 3.14159, "x");
    printf("asprintf %d \"%s\"\n", len, s);
    free(s);
    len = asprintf(&s, "%s", "");
    printf("asprintf empty %d \"%s\"\n", len, s);
    free(s);
    printf("SYS_getpid %d\n", (int)syscall(SYS_getpid) == getpid());
    return 0;
}
