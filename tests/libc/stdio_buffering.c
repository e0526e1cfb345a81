/*
 * stdio_buffering.c: our stdio (clx_*) over fake_os.h, which captures writes to fds 1 and
 * 2. Checks glibc's buffering rules (stdout full or line buffered depending on isatty,
 * stderr unbuffered, one write per fprintf to stderr, flush before reading input, flush at
 * exit) and the stream functions on a real file. The argument "tty" makes fd 1 a terminal.
 * Prints "FAIL ..." lines and a summary.
 */
#include "fake_os.h"

typedef struct clx_file CLX_FILE;
extern CLX_FILE *clx_stdin, *clx_stdout, *clx_stderr;
int clx_printf(const char *, ...);
int clx_fprintf(CLX_FILE *, const char *, ...);
int clx_dprintf(int, const char *, ...);
int clx_fflush(CLX_FILE *);
int clx_puts(const char *);
int clx_putchar(int);
int clx_fputs(const char *, CLX_FILE *);
int clx_fgetc(CLX_FILE *);
int clx_ungetc(int, CLX_FILE *);
char *clx_fgets(char *, int, CLX_FILE *);
CLX_FILE *clx_fopen(const char *, const char *);
CLX_FILE *clx_fdopen(int, const char *);
int clx_fclose(CLX_FILE *);
size_t clx_fread(void *, size_t, size_t, CLX_FILE *);
size_t clx_fwrite(const void *, size_t, size_t, CLX_FILE *);
int clx_feof(CLX_FILE *);
int clx_ferror(CLX_FILE *);
void clx_clearerr(CLX_FILE *);
int clx_fseek(CLX_FILE *, long, int);
long clx_ftell(CLX_FILE *);
int clx_setvbuf(CLX_FILE *, char *, int, size_t);
void clx_perror(const char *);
void clx___stdio_exit(void);

static int failures;
static void check(int ok, const char *what)
{
    if (!ok && ++failures <= 20) printf("FAIL %s\n", what);
}
static int captured_is(int fd, const char *text)
{
    return captured_len[fd] == strlen(text) && memcmp(captured[fd], text, captured_len[fd]) == 0;
}

static void test_not_a_tty(void)
{
    clx_printf("hello %d\n", 1);
    clx_puts("world");
    check(write_calls[1] == 0, "stdout to a file is fully buffered: nothing written yet");
    clx_fflush(clx_stdout);
    check(write_calls[1] == 1 && captured_is(1, "hello 1\nworld\n"), "fflush writes the buffer in one write");
}

static void test_tty(void)
{
    clx_printf("ab");
    check(write_calls[1] == 0, "a tty stdout holds a partial line");
    clx_printf("c\nd");
    check(write_calls[1] == 1 && captured_is(1, "abc\n"), "a newline writes up to the last newline");
    /* Reading input first flushes line-buffered output (the prompt). */
    {
        char path[] = "/tmp/clonix-stdin-XXXXXX";
        int fd = mkstemp(path);
        write(fd, "xy\nz", 4);
        lseek(fd, 0, SEEK_SET);
        dup2(fd, 0);
        close(fd);
        unlink(path);
        check(clx_fgetc(clx_stdin) == 'x', "fgetc reads stdin");
        check(captured_is(1, "abc\nd"), "reading stdin flushes the line-buffered stdout");
        check(clx_ungetc('Q', clx_stdin) == 'Q' && clx_fgetc(clx_stdin) == 'Q', "ungetc pushes a byte back");
        {
            char line[16];
            check(clx_fgets(line, sizeof line, clx_stdin) && strcmp(line, "y\n") == 0, "fgets keeps the newline");
            check(clx_fgets(line, sizeof line, clx_stdin) && strcmp(line, "z") == 0, "fgets returns a last line without newline");
            check(clx_fgets(line, sizeof line, clx_stdin) == 0 && clx_feof(clx_stdin), "fgets at end of file");
        }
    }
}

static void test_setvbuf(void)
{
    static char mine[8];
    int before;
    clx_fflush(clx_stdout);
    before = write_calls[1];
    check(clx_setvbuf(clx_stdout, 0, _IONBF, 0) == 0, "setvbuf to unbuffered");
    clx_printf("u");
    check(write_calls[1] == before + 1, "an unbuffered stdout writes at once");
    check(clx_setvbuf(clx_stdout, mine, _IOLBF, sizeof mine) == 0, "setvbuf to line-buffered with the caller's buffer");
    clx_printf("0123456789");
    check(write_calls[1] == before + 2 && memcmp(mine, "89", 2) == 0, "a full 8-byte buffer is written and reused");
    clx_printf("\n");
    check(write_calls[1] == before + 3, "a newline writes a line-buffered stream");
    check(clx_setvbuf(clx_stdout, 0, 42, 0) == -1, "a bad mode is refused");
    clx_setvbuf(clx_stdout, 0, _IOFBF, 0);
}

static void test_stderr(void)
{
    clx_fprintf(clx_stderr, "error %s %d\n", "code", 42);
    check(write_calls[2] == 1 && captured_is(2, "error code 42\n"), "stderr is unbuffered and one fprintf is one write");
    *clx___errno_location() = ENOENT;
    clx_perror("open");
    check(captured_is(2, "error code 42\nopen: No such file or directory\n"), "perror prints glibc's message");
    clx_dprintf(2, "[%05d]", 7);
    check(captured_is(2, "error code 42\nopen: No such file or directory\n[00007]"), "dprintf writes to the descriptor");
}

static void test_files(void)
{
    char path[] = "/tmp/clonix-file-XXXXXX";
    char buf[64];
    CLX_FILE *f;
    int fd = mkstemp(path), i;
    close(fd);
    f = clx_fopen(path, "w");
    check(f != 0, "fopen for writing");
    for (i = 0; i < 1000; i++) clx_fprintf(f, "line %d\n", i);
    check(clx_ftell(f) > 0, "ftell counts buffered output");
    check(clx_fclose(f) == 0, "fclose");
    f = clx_fopen(path, "r");
    for (i = 0; i < 1000; i++) {
        char expect[32];
        snprintf(expect, sizeof expect, "line %d\n", i);
        if (!clx_fgets(buf, sizeof buf, f) || strcmp(buf, expect) != 0) {
            check(0, "reading back what was written");
            break;
        }
    }
    check(clx_fgetc(f) == EOF && clx_feof(f), "end of file");
    clx_clearerr(f);
    check(!clx_feof(f), "clearerr");
    check(clx_fseek(f, 5, SEEK_SET) == 0 && clx_fgetc(f) == '0' && clx_ftell(f) == 6, "fseek and ftell");
    check(clx_fwrite("x", 1, 1, f) == 0 && clx_ferror(f), "writing to a read-only stream fails");
    clx_fclose(f);
    f = clx_fopen(path, "a+");
    clx_fputs("tail\n", f);
    clx_fseek(f, -5, SEEK_END);
    check(clx_fread(buf, 1, 5, f) == 5 && memcmp(buf, "tail\n", 5) == 0, "append and read back with a+");
    clx_fclose(f);
    *clx___errno_location() = 0;
    check(clx_fopen("/nonexistent/dir/file", "r") == 0 && *clx___errno_location() == ENOENT, "fopen of a missing file is ENOENT");
    check(clx_fopen(path, "q") == 0 && *clx___errno_location() == EINVAL, "a bad mode is EINVAL");
    unlink(path);
}

static void test_exit_flush(void)
{
    size_t before = captured_len[1];
    clx_printf("pending");
    clx___stdio_exit();
    check(captured_len[1] == before + 7, "exit flushes stdout");
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "tty") == 0) {
        fake_tty[1] = 1;
        test_tty();
    } else {
        test_not_a_tty();
        test_stderr();
        test_files();
        test_setvbuf();
    }
    test_exit_flush();
    printf("stdio: failures %d\n", failures);
    return 0;
}
