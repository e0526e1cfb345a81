/*
 * A page of a file mapping that lies wholly past the end of the file has nothing behind
 * it: touching it raises SIGBUS with si_code BUS_ADRERR (2) and si_addr the address. The
 * rest of the file's last page reads as zeros. Truncating a mapped file takes the pages
 * past the new end away from every mapping, private copies included, and a system call
 * handed such an address fails with EFAULT instead.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static sigjmp_buf back;
static volatile char *expected;

static void on_sigbus(int sig, siginfo_t *info, void *ctx) {
    (void)ctx;
    printf("  signal %d, si_code %d, at the address touched: %s\n", sig, info->si_code,
           info->si_addr == (void *)expected ? "yes" : "no");
    siglongjmp(back, 1);
}

/* Reads *p, or reports the signal that reading it raised. */
static void touch(const char *what, volatile char *p) {
    printf("%s:\n", what);
    expected = p;
    if (sigsetjmp(back, 1) == 0) printf("  read %d\n", *p);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);

    const char *path = "/tmp/mmap_file_sigbus.dat";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    char data[8192];
    memset(data, 'a', sizeof data);
    write(fd, data, 100);

    char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    touch("byte 99, in the file", p + 99);
    touch("byte 4095, past the end in the last page", p + 4095);
    touch("byte 4096, the first page past the end", p + 4096);
    touch("byte 10000", p + 10000);

    int fds[2];
    pipe(fds);
    long n = write(fds[1], p + 4096, 10);
    printf("write(2) from the page past the end: %ld, %s\n", n, n < 0 && errno == EFAULT ? "EFAULT" : "?");

    lseek(fd, 0, SEEK_SET);
    write(fd, data, sizeof data);
    char *private = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    private[4096] = 'p'; /* a private copy of the second page */
    ftruncate(fd, 10);
    touch("shared mapping, byte 5 after truncating to 10 bytes", p + 5);
    touch("shared mapping, byte 20 of the cut page", p + 20);
    touch("shared mapping, byte 4096 after truncating", p + 4096);
    touch("private copy of byte 4096 after truncating", private + 4096);

    sa.sa_handler = SIG_DFL;
    sa.sa_flags = 0;
    sigaction(SIGBUS, &sa, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        p[8192] = 1;
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("a child storing past the end: killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);

    munmap(p, 3 * 4096);
    munmap(private, 2 * 4096);
    close(fd);
    unlink(path);
    return 0;
}
