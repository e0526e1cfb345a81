/*
 * Boundary arguments to the common system calls, made with syscall(2) so that no C
 * library check comes first: negative and huge descriptors, NULL and unmapped pointers,
 * counts of (size_t)-1, unknown flags and operations, bad pids and signal numbers, NULL,
 * empty and overlong paths. Each line is the call and its result or errno; where several
 * arguments are wrong at once, the errno shows which check Linux makes first. Arguments
 * that the kernel takes as 64-bit values (counts, offsets) are passed as longs; the
 * descriptors, pids and signals it takes as ints.
 *
 * Results that depend on the machine (descriptor numbers, pids, addresses) print as "fd",
 * "pid" or "ok". The program makes its files under /tmp and removes them.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FILE_PATH "/tmp/syscall_args.file"
#define EXEC_PATH "/tmp/syscall_args.noexec"
#define PAGE 4096L

/* An address nothing is mapped at, and one in the kernel's half of the address space. */
#define BAD ((long)1)
#define KERNEL_ADDRESS ((long)0xffff800000000000UL)

static const char *errno_name(int e)
{
    static const struct { int e; const char *name; } names[] = {
        {EPERM, "EPERM"}, {ENOENT, "ENOENT"}, {ESRCH, "ESRCH"}, {EINTR, "EINTR"}, {EIO, "EIO"},
        {ENXIO, "ENXIO"}, {E2BIG, "E2BIG"}, {ENOEXEC, "ENOEXEC"}, {EBADF, "EBADF"}, {ECHILD, "ECHILD"},
        {EAGAIN, "EAGAIN"}, {ENOMEM, "ENOMEM"}, {EACCES, "EACCES"}, {EFAULT, "EFAULT"}, {EBUSY, "EBUSY"},
        {EEXIST, "EEXIST"}, {EXDEV, "EXDEV"}, {ENODEV, "ENODEV"}, {ENOTDIR, "ENOTDIR"}, {EISDIR, "EISDIR"},
        {EINVAL, "EINVAL"}, {ENFILE, "ENFILE"}, {EMFILE, "EMFILE"}, {ENOTTY, "ENOTTY"}, {EFBIG, "EFBIG"},
        {ENOSPC, "ENOSPC"}, {ESPIPE, "ESPIPE"}, {EROFS, "EROFS"}, {EPIPE, "EPIPE"}, {ERANGE, "ERANGE"},
        {ENAMETOOLONG, "ENAMETOOLONG"}, {ENOSYS, "ENOSYS"}, {ENOTEMPTY, "ENOTEMPTY"}, {ELOOP, "ELOOP"},
        {EOPNOTSUPP, "EOPNOTSUPP"}, {ETIMEDOUT, "ETIMEDOUT"}, {EOVERFLOW, "EOVERFLOW"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].e == e) return names[i].name;
    return "E?";
}

/* How a successful result prints: as it is, or as what it stands for. */
enum shown { VALUE, FD, PID, OK };

static void show(const char *call, long r, int e, enum shown how)
{
    if (r == -1) printf("%-58s = -1 %s\n", call, errno_name(e));
    else if (how == FD) printf("%-58s = fd\n", call);
    else if (how == PID) printf("%-58s = pid\n", call);
    else if (how == OK) printf("%-58s = ok\n", call);
    else printf("%-58s = %ld\n", call, r);
    fflush(stdout);
}

/* Makes the system call nr with up to six arguments and prints its outcome. */
#define CALL(how, text, nr, ...) do { errno = 0; long r_ = syscall(nr, __VA_ARGS__); show(text, r_, errno, how); } while (0)

static char long_path[PATH_MAX + 16];
static char long_name[300];
static char buf[64];

static void files(void)
{
    int p[2], fd, dir;
    memset(long_path, 'a', sizeof long_path - 1);
    long_name[0] = '/';
    memset(long_name + 1, 'n', 280);

    printf("-- read, write, pread64, lseek\n");
    pipe(p);
    write(p[1], "hello", 5);
    dir = open("/", O_RDONLY | O_DIRECTORY);
    CALL(VALUE, "read(-1, buf, 1)", SYS_read, -1, buf, 1);
    CALL(VALUE, "read(1 << 20, buf, 1)", SYS_read, 1 << 20, buf, 1);
    CALL(VALUE, "read(write end, buf, 1)", SYS_read, p[1], buf, 1);
    CALL(VALUE, "read(pipe, NULL, 0)", SYS_read, p[0], 0, 0);
    CALL(VALUE, "read(pipe, NULL, 1)", SYS_read, p[0], 0, 1);
    CALL(VALUE, "read(pipe, 1, (size_t)-1)", SYS_read, p[0], BAD, -1L);
    CALL(VALUE, "read(pipe, buf, (size_t)-1)", SYS_read, p[0], buf, -1L);
    CALL(VALUE, "read(pipe, buf, LONG_MAX + 1)", SYS_read, p[0], buf, LONG_MIN);
    CALL(VALUE, "read(pipe, kernel address, 1)", SYS_read, p[0], KERNEL_ADDRESS, 1);
    CALL(VALUE, "read(directory, buf, 1)", SYS_read, dir, buf, 1);
    CALL(VALUE, "read(directory, 1, (size_t)-1)", SYS_read, dir, BAD, -1L);
    CALL(VALUE, "read(pipe, buf, 1 << 20) with 5 bytes waiting", SYS_read, p[0], buf, 1L << 20);
    write(p[1], "x", 1);
    CALL(VALUE, "read(pipe | 1 << 32, buf, 1): fd is an unsigned int", SYS_read, p[0] | (1L << 32), buf, 1);
    CALL(VALUE, "write(-1, buf, 1)", SYS_write, -1, buf, 1);
    CALL(VALUE, "write(read end, buf, 1)", SYS_write, p[0], buf, 1);
    CALL(VALUE, "write(directory, buf, 1)", SYS_write, dir, buf, 1);
    CALL(VALUE, "write(pipe, NULL, 1)", SYS_write, p[1], 0, 1);
    CALL(VALUE, "write(pipe, 1, (size_t)-1)", SYS_write, p[1], BAD, -1L);
    CALL(VALUE, "write(pipe, buf, (size_t)-1)", SYS_write, p[1], buf, -1L);
    CALL(VALUE, "write(pipe, NULL, 0)", SYS_write, p[1], 0, 0);
    close(p[0]);
    CALL(VALUE, "write(pipe without reader, buf, 0)", SYS_write, p[1], buf, 0);
    CALL(VALUE, "write(pipe without reader, buf, 1)", SYS_write, p[1], buf, 1);
    CALL(VALUE, "write(pipe without reader, 1, (size_t)-1)", SYS_write, p[1], BAD, -1L);
    close(p[1]);

    pipe(p);
    fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "0123456789", 10);
    CALL(VALUE, "pread64(file, buf, 4, 2)", SYS_pread64, fd, buf, 4, 2);
    CALL(VALUE, "pread64(file, buf, 4, -1)", SYS_pread64, fd, buf, 4, -1L);
    CALL(VALUE, "pread64(-1, buf, 4, -1)", SYS_pread64, -1, buf, 4, -1L);
    CALL(VALUE, "pread64(-1, buf, 4, 0)", SYS_pread64, -1, buf, 4, 0);
    CALL(VALUE, "pread64(pipe, buf, 4, 0)", SYS_pread64, p[0], buf, 4, 0);
    CALL(VALUE, "pread64(pipe, buf, 4, -1)", SYS_pread64, p[0], buf, 4, -1L);
    CALL(VALUE, "pread64(file, NULL, 4, 0)", SYS_pread64, fd, 0, 4, 0);
    CALL(VALUE, "pread64(file, buf, 4, 100)", SYS_pread64, fd, buf, 4, 100);
    CALL(VALUE, "pread64(directory, buf, 4, 0)", SYS_pread64, dir, buf, 4, 0);
    CALL(VALUE, "pread64(file, buf, (size_t)-1, 0)", SYS_pread64, fd, buf, -1L, 0);
    CALL(VALUE, "pread64(file, buf, 16, LONG_MAX - 4)", SYS_pread64, fd, buf, 16, LONG_MAX - 4);
    CALL(VALUE, "pread64(write end, buf, 4, 0)", SYS_pread64, p[1], buf, 4, 0);
    CALL(VALUE, "pwrite64(file, buf, 1, -1)", SYS_pwrite64, fd, buf, 1, -1L);
    CALL(VALUE, "pwrite64(file, NULL, 1, 0)", SYS_pwrite64, fd, 0, 1, 0);
    CALL(VALUE, "pwrite64(pipe, buf, 1, 0)", SYS_pwrite64, p[1], buf, 1, 0);
    CALL(VALUE, "lseek(-1, 0, SEEK_SET)", SYS_lseek, -1, 0, SEEK_SET);
    CALL(VALUE, "lseek(-1, 0, 99)", SYS_lseek, -1, 0, 99);
    CALL(VALUE, "lseek(pipe, 0, SEEK_SET)", SYS_lseek, p[0], 0, SEEK_SET);
    CALL(VALUE, "lseek(pipe, 0, 99)", SYS_lseek, p[0], 0, 99);
    CALL(VALUE, "lseek(file, -1, SEEK_SET)", SYS_lseek, fd, -1L, SEEK_SET);
    CALL(VALUE, "lseek(file, -11, SEEK_END)", SYS_lseek, fd, -11L, SEEK_END);
    CALL(VALUE, "lseek(file, 5, SEEK_END)", SYS_lseek, fd, 5, SEEK_END);
    CALL(VALUE, "lseek(file, 0, 99)", SYS_lseek, fd, 0, 99);
    CALL(VALUE, "lseek(file, 0, -1)", SYS_lseek, fd, 0, -1);
    CALL(VALUE, "lseek(file, 1, SEEK_CUR)", SYS_lseek, fd, 1, SEEK_CUR);
    CALL(VALUE, "lseek(file, LONG_MIN, SEEK_CUR)", SYS_lseek, fd, LONG_MIN, SEEK_CUR);
    CALL(VALUE, "lseek(file, 3, SEEK_DATA)", SYS_lseek, fd, 3, 3);
    CALL(VALUE, "lseek(file, 3, SEEK_HOLE)", SYS_lseek, fd, 3, 4);
    CALL(VALUE, "lseek(file, 10, SEEK_DATA)", SYS_lseek, fd, 10, 3);
    CALL(VALUE, "lseek(file, 10, SEEK_HOLE)", SYS_lseek, fd, 10, 4);
    CALL(VALUE, "lseek(file, -1, SEEK_DATA)", SYS_lseek, fd, -1L, 3);
    CALL(VALUE, "lseek(pipe, 0, SEEK_HOLE)", SYS_lseek, p[0], 0, 4);
    CALL(VALUE, "lseek(file, 0, SEEK_SET | 1 << 32): whence is an unsigned int", SYS_lseek, fd, 0, 1L << 32);
    {
        struct { void *base; long len; } iov[2] = {{buf, 4}, {buf, -1L}};
        CALL(VALUE, "readv(-1, NULL, -1)", SYS_readv, -1, 0, -1);
        CALL(VALUE, "readv(file, iov, -1)", SYS_readv, fd, iov, -1);
        CALL(VALUE, "readv(file, iov, 1025)", SYS_readv, fd, iov, 1025);
        CALL(VALUE, "readv(file, NULL, 1)", SYS_readv, fd, 0, 1);
        CALL(VALUE, "readv(file, {buf, 4}, {buf, -1}, 2)", SYS_readv, fd, iov, 2);
        iov[1].base = (void *)BAD;
        iov[1].len = 1L << 62;
        CALL(VALUE, "readv(file, {buf, 4}, {1, 2^62}, 2)", SYS_readv, fd, iov, 2);
        iov[1].len = -1L;
        CALL(VALUE, "writev(file, {buf, 4}, {1, -1}, 2)", SYS_writev, fd, iov, 2);
        iov[0].base = (void *)BAD;
        iov[1].len = 0;
        CALL(VALUE, "writev(file, {1, 4}, {1, 0}, 2)", SYS_writev, fd, iov, 2);
    }

    printf("-- open, close, dup2, dup3, pipe2\n");
    CALL(VALUE, "open(NULL, O_RDONLY)", SYS_open, 0, O_RDONLY, 0);
    CALL(VALUE, "open(1, O_RDONLY)", SYS_open, BAD, O_RDONLY, 0);
    CALL(VALUE, "open(\"\", O_RDONLY)", SYS_open, "", O_RDONLY, 0);
    CALL(VALUE, "open(PATH_MAX a's, O_RDONLY)", SYS_open, long_path, O_RDONLY, 0);
    CALL(VALUE, "open(a 280-byte name, O_RDONLY)", SYS_open, long_name, O_RDONLY, 0);
    CALL(VALUE, "open(a 280-byte name, O_CREAT)", SYS_open, long_name, O_WRONLY | O_CREAT, 0644);
    CALL(VALUE, "open(\"/nonexistent/x\", O_RDONLY)", SYS_open, "/nonexistent/x", O_RDONLY, 0);
    CALL(VALUE, "open(FILE/x, O_RDONLY)", SYS_open, FILE_PATH "/x", O_RDONLY, 0);
    CALL(VALUE, "open(\"/\", O_WRONLY)", SYS_open, "/", O_WRONLY, 0);
    CALL(VALUE, "open(\"/\", O_RDWR | O_CREAT)", SYS_open, "/", O_RDWR | O_CREAT, 0644);
    CALL(VALUE, "open(FILE, O_CREAT | O_EXCL)", SYS_open, FILE_PATH, O_RDWR | O_CREAT | O_EXCL, 0644);
    CALL(VALUE, "open(FILE, O_RDONLY | O_DIRECTORY)", SYS_open, FILE_PATH, O_RDONLY | O_DIRECTORY, 0);
    CALL(VALUE, "open(\"/nonexistent/x\", O_CREAT)", SYS_open, "/nonexistent/x", O_WRONLY | O_CREAT, 0644);
    CALL(VALUE, "openat(-1, \"x\", O_RDONLY)", SYS_openat, -1, "x", O_RDONLY, 0);
    errno = 0;
    long r = syscall(SYS_openat, -1, "/", O_RDONLY, 0);
    show("openat(-1, \"/\", O_RDONLY)", r, errno, FD);
    close(r);
    CALL(VALUE, "openat(file, \"x\", O_RDONLY)", SYS_openat, fd, "x", O_RDONLY, 0);
    CALL(VALUE, "openat(-1, NULL, O_RDONLY)", SYS_openat, -1, 0, O_RDONLY, 0);
    CALL(VALUE, "close(-1)", SYS_close, -1);
    CALL(VALUE, "close(1 << 20)", SYS_close, 1 << 20);
    CALL(VALUE, "close(INT_MAX)", SYS_close, INT_MAX);
    CALL(VALUE, "dup2(-1, 100)", SYS_dup2, -1, 100);
    CALL(VALUE, "dup2(file, -1)", SYS_dup2, fd, -1);
    CALL(VALUE, "dup2(-1, -1)", SYS_dup2, -1, -1);
    CALL(VALUE, "dup2(-1, INT_MAX)", SYS_dup2, -1, INT_MAX);
    CALL(VALUE, "dup2(file, INT_MAX)", SYS_dup2, fd, INT_MAX);
    CALL(VALUE, "dup2(file, 100)", SYS_dup2, fd, 100);
    CALL(VALUE, "dup2(100, 100)", SYS_dup2, 100, 100);
    CALL(VALUE, "close(100)", SYS_close, 100);
    CALL(VALUE, "dup2(100, 100) after close", SYS_dup2, 100, 100);
    CALL(VALUE, "dup3(file, 100, 0)", SYS_dup3, fd, 100, 0);
    CALL(VALUE, "dup3(100, 100, 0)", SYS_dup3, 100, 100, 0);
    CALL(VALUE, "dup3(-1, 100, 1)", SYS_dup3, -1, 100, 1);
    CALL(VALUE, "dup3(file, 101, 1)", SYS_dup3, fd, 101, 1);
    CALL(VALUE, "dup3(-1, -1, 0)", SYS_dup3, -1, -1, 0);
    CALL(VALUE, "dup3(file, -1, 0)", SYS_dup3, fd, -1, 0);
    close(100);
    CALL(VALUE, "pipe2(NULL, 0)", SYS_pipe2, 0, 0);
    CALL(VALUE, "pipe2(1, 0)", SYS_pipe2, BAD, 0);
    CALL(VALUE, "pipe2(NULL, 1)", SYS_pipe2, 0, 1);
    CALL(VALUE, "pipe2(NULL, -1)", SYS_pipe2, 0, -1);
    CALL(VALUE, "pipe(NULL)", SYS_pipe, 0);
    close(p[0]);
    close(p[1]);
    close(fd);
    close(dir);
}

static void processes(void)
{
    pid_t child;
    int status;
    printf("-- kill, tgkill, tkill\n");
    CALL(VALUE, "kill(self, 0)", SYS_kill, getpid(), 0);
    CALL(VALUE, "kill(self, 65)", SYS_kill, getpid(), 65);
    CALL(VALUE, "kill(self, -1)", SYS_kill, getpid(), -1);
    CALL(VALUE, "kill(4194304, 0)", SYS_kill, 4194304, 0);
    CALL(VALUE, "kill(4194304, 65)", SYS_kill, 4194304, 65);
    CALL(VALUE, "kill(INT_MIN, 0)", SYS_kill, INT_MIN, 0);
    CALL(VALUE, "kill(INT_MIN, 65)", SYS_kill, INT_MIN, 65);
    CALL(VALUE, "kill(-4194304, 0)", SYS_kill, -4194304, 0);
    CALL(VALUE, "kill(-4194304, 65)", SYS_kill, -4194304, 65);
    CALL(VALUE, "kill(0, 0)", SYS_kill, 0, 0);
    CALL(VALUE, "kill(0, 65)", SYS_kill, 0, 65);
    CALL(VALUE, "kill(self | 1 << 32, 0): pid is an int", SYS_kill, getpid() | (1L << 32), 0);
    CALL(VALUE, "tgkill(self, self, 0)", SYS_tgkill, getpid(), getpid(), 0);
    CALL(VALUE, "tgkill(self, self, 65)", SYS_tgkill, getpid(), getpid(), 65);
    CALL(VALUE, "tgkill(0, self, 0)", SYS_tgkill, 0, getpid(), 0);
    CALL(VALUE, "tgkill(self, 0, 0)", SYS_tgkill, getpid(), 0, 0);
    CALL(VALUE, "tgkill(-1, -1, 65)", SYS_tgkill, -1, -1, 65);
    CALL(VALUE, "tgkill(self, 4194304, 65)", SYS_tgkill, getpid(), 4194304, 65);
    CALL(VALUE, "tgkill(4194304, self, 65)", SYS_tgkill, 4194304, getpid(), 65);
    CALL(VALUE, "tgkill(4194304, self, 0)", SYS_tgkill, 4194304, getpid(), 0);
    CALL(VALUE, "tkill(-1, 0)", SYS_tkill, -1, 0);
    CALL(VALUE, "tkill(0, 0)", SYS_tkill, 0, 0);
    CALL(VALUE, "tkill(self, 65)", SYS_tkill, getpid(), 65);
    CALL(VALUE, "tkill(4194304, 65)", SYS_tkill, 4194304, 65);

    printf("-- setpgid, getpgid\n");
    CALL(VALUE, "setpgid(-1, 0)", SYS_setpgid, -1, 0);
    CALL(VALUE, "setpgid(0, -1)", SYS_setpgid, 0, -1);
    CALL(VALUE, "setpgid(-1, -1)", SYS_setpgid, -1, -1);
    CALL(VALUE, "setpgid(INT_MIN, 0)", SYS_setpgid, INT_MIN, 0);
    CALL(VALUE, "setpgid(4194304, 0)", SYS_setpgid, 4194304, 0);
    CALL(VALUE, "setpgid(4194304, -1)", SYS_setpgid, 4194304, -1);
    CALL(VALUE, "setpgid(1, 0)", SYS_setpgid, 1, 0);
    CALL(VALUE, "getpgid(-1)", SYS_getpgid, -1);
    CALL(VALUE, "getpgid(4194304)", SYS_getpgid, 4194304);
    CALL(VALUE, "getpgid(INT_MIN)", SYS_getpgid, INT_MIN);
    CALL(PID, "getpgid(0)", SYS_getpgid, 0);
    fflush(stdout);
    child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    CALL(VALUE, "setpgid(child, 0)", SYS_setpgid, child, 0);
    CALL(VALUE, "setpgid(child, 4194304)", SYS_setpgid, child, 4194304);
    CALL(VALUE, "setpgid(child, -child)", SYS_setpgid, child, -child);

    printf("-- wait4, waitid\n");
    CALL(VALUE, "wait4(-1, NULL, WNOHANG, NULL), child running", SYS_wait4, -1, 0, WNOHANG, 0);
    CALL(VALUE, "wait4(-1, NULL, 0x100, NULL)", SYS_wait4, -1, 0, 0x100, 0);
    CALL(VALUE, "wait4(-1, NULL, WEXITED, NULL)", SYS_wait4, -1, 0, WEXITED, 0);
    CALL(VALUE, "wait4(-1, NULL, WNOWAIT, NULL)", SYS_wait4, -1, 0, WNOWAIT, 0);
    CALL(VALUE, "wait4(INT_MIN, NULL, 0, NULL)", SYS_wait4, INT_MIN, 0, 0, 0);
    CALL(VALUE, "wait4(INT_MIN, NULL, 0x100, NULL)", SYS_wait4, INT_MIN, 0, 0x100, 0);
    CALL(VALUE, "wait4(4194304, NULL, 0, NULL)", SYS_wait4, 4194304, 0, 0, 0);
    CALL(VALUE, "wait4(-4194304, NULL, 0, NULL)", SYS_wait4, -4194304, 0, 0, 0);
    kill(child, SIGKILL);
    CALL(PID, "wait4(child, 1, 0, NULL), child killed", SYS_wait4, child, BAD, 0, 0);
    CALL(VALUE, "wait4(child, &status, 0, NULL) again", SYS_wait4, child, &status, 0, 0);
    CALL(VALUE, "wait4(-1, NULL, 0, NULL), no children", SYS_wait4, -1, 0, 0, 0);
    CALL(VALUE, "waitid(P_ALL, 0, NULL, 0)", SYS_waitid, P_ALL, 0, 0, 0, 0);
    CALL(VALUE, "waitid(P_ALL, 0, NULL, WEXITED), no children", SYS_waitid, P_ALL, 0, 0, WEXITED, 0);
    CALL(VALUE, "waitid(99, 0, NULL, WEXITED)", SYS_waitid, 99, 0, 0, WEXITED, 0);
    CALL(VALUE, "waitid(P_PID, 0, NULL, WEXITED)", SYS_waitid, P_PID, 0, 0, WEXITED, 0);
    CALL(VALUE, "waitid(P_PGID, -1, NULL, WEXITED)", SYS_waitid, P_PGID, -1, 0, WEXITED, 0);
    CALL(VALUE, "waitid(P_ALL, 0, NULL, WEXITED | 0x100)", SYS_waitid, P_ALL, 0, 0, WEXITED | 0x100, 0);
}

/* rt_sigaction's struct on x86-64 Linux: handler, flags, restorer, mask. */
struct kernel_sigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    unsigned long mask;
};

static void signals(void)
{
    struct kernel_sigaction act = {SIG_DFL, 0, 0, 0}, old;
    unsigned long set = 0, oldset;
    printf("-- rt_sigaction, rt_sigprocmask\n");
    CALL(VALUE, "rt_sigaction(SIGUSR1, &act, &old, 8)", SYS_rt_sigaction, SIGUSR1, &act, &old, 8);
    CALL(VALUE, "rt_sigaction(SIGUSR1, &act, NULL, 4)", SYS_rt_sigaction, SIGUSR1, &act, 0, 4);
    CALL(VALUE, "rt_sigaction(0, &act, NULL, 8)", SYS_rt_sigaction, 0, &act, 0, 8);
    CALL(VALUE, "rt_sigaction(65, &act, NULL, 8)", SYS_rt_sigaction, 65, &act, 0, 8);
    CALL(VALUE, "rt_sigaction(-1, NULL, NULL, 8)", SYS_rt_sigaction, -1, 0, 0, 8);
    CALL(VALUE, "rt_sigaction(65, NULL, NULL, 4)", SYS_rt_sigaction, 65, 0, 0, 4);
    CALL(VALUE, "rt_sigaction(SIGKILL, &act, NULL, 8)", SYS_rt_sigaction, SIGKILL, &act, 0, 8);
    CALL(VALUE, "rt_sigaction(SIGSTOP, &act, NULL, 8)", SYS_rt_sigaction, SIGSTOP, &act, 0, 8);
    CALL(VALUE, "rt_sigaction(SIGKILL, NULL, &old, 8)", SYS_rt_sigaction, SIGKILL, 0, &old, 8);
    CALL(VALUE, "rt_sigaction(SIGUSR1, 1, NULL, 8)", SYS_rt_sigaction, SIGUSR1, BAD, 0, 8);
    CALL(VALUE, "rt_sigaction(SIGKILL, 1, NULL, 8)", SYS_rt_sigaction, SIGKILL, BAD, 0, 8);
    CALL(VALUE, "rt_sigaction(65, 1, NULL, 8)", SYS_rt_sigaction, 65, BAD, 0, 8);
    CALL(VALUE, "rt_sigaction(SIGUSR1, NULL, 1, 8)", SYS_rt_sigaction, SIGUSR1, 0, BAD, 8);
    CALL(VALUE, "rt_sigaction(65, NULL, 1, 8)", SYS_rt_sigaction, 65, 0, BAD, 8);
    CALL(VALUE, "rt_sigaction(SIGUSR1, 1, NULL, 4)", SYS_rt_sigaction, SIGUSR1, BAD, 0, 4);
    CALL(VALUE, "rt_sigprocmask(SIG_BLOCK, &set, &old, 8)", SYS_rt_sigprocmask, SIG_BLOCK, &set, &oldset, 8);
    CALL(VALUE, "rt_sigprocmask(SIG_BLOCK, &set, NULL, 4)", SYS_rt_sigprocmask, SIG_BLOCK, &set, 0, 4);
    CALL(VALUE, "rt_sigprocmask(3, &set, NULL, 8)", SYS_rt_sigprocmask, 3, &set, 0, 8);
    CALL(VALUE, "rt_sigprocmask(-1, &set, NULL, 8)", SYS_rt_sigprocmask, -1, &set, 0, 8);
    CALL(VALUE, "rt_sigprocmask(3, NULL, &old, 8)", SYS_rt_sigprocmask, 3, 0, &oldset, 8);
    CALL(VALUE, "rt_sigprocmask(3, 1, NULL, 8)", SYS_rt_sigprocmask, 3, BAD, 0, 8);
    CALL(VALUE, "rt_sigprocmask(SIG_BLOCK, 1, NULL, 8)", SYS_rt_sigprocmask, SIG_BLOCK, BAD, 0, 8);
    CALL(VALUE, "rt_sigprocmask(SIG_BLOCK, NULL, 1, 8)", SYS_rt_sigprocmask, SIG_BLOCK, 0, BAD, 8);
    CALL(VALUE, "rt_sigprocmask(3, 1, NULL, 4)", SYS_rt_sigprocmask, 3, BAD, 0, 4);
}

static void memory(void)
{
    long page, here, fd, p[2];
    int pipes[2];
    printf("-- mmap, munmap, mprotect, brk\n");
    page = syscall(SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    fd = open(FILE_PATH, O_RDONLY);
    pipe(pipes);
    p[0] = pipes[0];
    p[1] = pipes[1];
    CALL(VALUE, "mmap(0, 0, RW, PRIVATE | ANON, -1, 0)", SYS_mmap, 0, 0, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CALL(VALUE, "mmap(0, PAGE, RW, ANON, -1, 0)", SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_ANONYMOUS, -1, 0);
    CALL(VALUE, "mmap(0, PAGE, RW, PRIVATE | ANON, -1, 1)", SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 1);
    CALL(VALUE, "mmap(0, 0, RW, ANON, -1, 1)", SYS_mmap, 0, 0, PROT_READ | PROT_WRITE, MAP_ANONYMOUS, -1, 1);
    CALL(VALUE, "mmap(0, (size_t)-1, RW, PRIVATE | ANON, -1, 0)", SYS_mmap, 0, -1L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CALL(VALUE, "mmap(0, 1 << 48, RW, PRIVATE | ANON, -1, 0)", SYS_mmap, 0, 1L << 48, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CALL(VALUE, "mmap(0, PAGE, RW, PRIVATE, -1, 0)", SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, -1, 0);
    CALL(VALUE, "mmap(0, PAGE, R, PRIVATE, 1 << 20, 0)", SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE, 1 << 20, 0);
    CALL(VALUE, "mmap(0, PAGE, R, PRIVATE, 1 << 20, 1)", SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE, 1 << 20, 1);
    CALL(VALUE, "mmap(0, 0, R, PRIVATE, 1 << 20, 0)", SYS_mmap, 0, 0, PROT_READ, MAP_PRIVATE, 1 << 20, 0);
    CALL(VALUE, "mmap(0, 0, R, PRIVATE, pipe, 0)", SYS_mmap, 0, 0, PROT_READ, MAP_PRIVATE, p[0], 0);
    CALL(VALUE, "mmap(0, PAGE, R, PRIVATE, pipe, 0)", SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE, p[0], 0);
    CALL(VALUE, "mmap(0, PAGE, R, PRIVATE, write end, 0)", SYS_mmap, 0, PAGE, PROT_READ, MAP_PRIVATE, p[1], 0);
    CALL(VALUE, "mmap(0, PAGE, R, 0, pipe, 0)", SYS_mmap, 0, PAGE, PROT_READ, 0, p[0], 0);
    CALL(VALUE, "mmap(0, PAGE, RW, SHARED, read-only file, 0)", SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CALL(VALUE, "mmap(1, PAGE, RW, PRIVATE | ANON | FIXED, -1, 0)", SYS_mmap, 1, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CALL(VALUE, "mmap(0, PAGE, RW, SHARED | PRIVATE | ANON, -1, 0)", SYS_mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CALL(VALUE, "munmap(1, PAGE)", SYS_munmap, 1, PAGE);
    CALL(VALUE, "munmap(0, 0)", SYS_munmap, 0, 0);
    CALL(VALUE, "munmap(page, 0)", SYS_munmap, page, 0);
    CALL(VALUE, "munmap(page, (size_t)-1)", SYS_munmap, page, -1L);
    CALL(VALUE, "munmap(kernel address, PAGE)", SYS_munmap, KERNEL_ADDRESS, PAGE);
    CALL(VALUE, "mprotect(1, PAGE, R)", SYS_mprotect, 1, PAGE, PROT_READ);
    CALL(VALUE, "mprotect(1, 0, R)", SYS_mprotect, 1, 0, PROT_READ);
    CALL(VALUE, "mprotect(page, 0, R)", SYS_mprotect, page, 0, PROT_READ);
    CALL(VALUE, "mprotect(page, PAGE, 0x10)", SYS_mprotect, page, PAGE, 0x10);
    CALL(VALUE, "mprotect(page, PAGE, R | PROT_SEM)", SYS_mprotect, page, PAGE, PROT_READ | 0x8);
    CALL(VALUE, "mprotect(page, (size_t)-1, R)", SYS_mprotect, page, -1L, PROT_READ);
    CALL(VALUE, "mprotect(page, PAGE, GROWSDOWN | GROWSUP)", SYS_mprotect, page, PAGE, PROT_READ | 0x01000000 | 0x02000000);
    CALL(VALUE, "munmap(page, PAGE)", SYS_munmap, page, PAGE);
    CALL(VALUE, "munmap(page, PAGE) again", SYS_munmap, page, PAGE);
    CALL(VALUE, "mprotect(unmapped page, PAGE, R)", SYS_mprotect, page, PAGE, PROT_READ);
    CALL(VALUE, "mprotect(unmapped page, 0x10 bad prot)", SYS_mprotect, page, PAGE, 0x10);
    here = syscall(SYS_brk, 0);
    errno = 0;
    long r = syscall(SYS_brk, 1);
    printf("%-58s = %s\n", "brk(1)", r == here ? "the break, unchanged" : "moved");
    r = syscall(SYS_brk, -4096L);
    printf("%-58s = %s\n", "brk(-4096)", r == here ? "the break, unchanged" : "moved");
    r = syscall(SYS_brk, here + (1L << 46));
    printf("%-58s = %s\n", "brk(break + 2^46)", r == here ? "the break, unchanged" : "moved");
    close(fd);
    close(pipes[0]);
    close(pipes[1]);
}

/* clone(flags) as fork does it (no new stack): the child leaves at once and is reaped. */
static void clone_probe(const char *text, long flags)
{
    errno = 0;
    long r = syscall(SYS_clone, flags, 0, 0, 0, 0);
    if (r == 0) _exit(0);
    show(text, r, errno, PID);
    if (r > 0) wait4((pid_t)r, 0, __WALL, 0);
}

static void clones(void)
{
    printf("-- clone\n");
    clone_probe("clone(CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD)", 0x1000 | 0x100000 | SIGCHLD);
    clone_probe("clone(CLONE_NEWUSER | CLONE_THREAD | CLONE_SIGHAND | CLONE_VM)", 0x10000000 | 0x10000 | 0x800 | 0x100);
    clone_probe("clone(CLONE_THREAD | CLONE_VM)", 0x10000 | 0x100);
    clone_probe("clone(1 << 32 | SIGCHLD): the high half is dropped", (1L << 32) | SIGCHLD);
    clone_probe("clone(65): exit signal 65, never sent", 65);
    clone_probe("clone(255): exit signal 255, never sent", 255);
}

static void programs(void)
{
    char *argv[] = {"x", 0};
    char *bad_argv[] = {"x", (char *)BAD, 0};
    char *envp[] = {0};
    int fd;
    printf("-- execve, chdir, getcwd\n");
    fd = open(EXEC_PATH, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    write(fd, "\x01\x02\x03 not a program\n", 18);
    close(fd);
    CALL(VALUE, "execve(NULL, argv, envp)", SYS_execve, 0, argv, envp);
    CALL(VALUE, "execve(1, argv, envp)", SYS_execve, BAD, argv, envp);
    CALL(VALUE, "execve(\"\", argv, envp)", SYS_execve, "", argv, envp);
    CALL(VALUE, "execve(\"/\", argv, envp)", SYS_execve, "/", argv, envp);
    CALL(VALUE, "execve(\"/nonexistent\", argv, envp)", SYS_execve, "/nonexistent", argv, envp);
    CALL(VALUE, "execve(PATH_MAX a's, argv, envp)", SYS_execve, long_path, argv, envp);
    CALL(VALUE, "execve(FILE, argv, envp): not executable", SYS_execve, FILE_PATH, argv, envp);
    CALL(VALUE, "execve(FILE/x, argv, envp)", SYS_execve, FILE_PATH "/x", argv, envp);
    CALL(VALUE, "execve(NOEXEC, argv, envp): not a program", SYS_execve, EXEC_PATH, argv, envp);
    CALL(VALUE, "execve(NOEXEC, 1, envp)", SYS_execve, EXEC_PATH, BAD, envp);
    CALL(VALUE, "execve(NOEXEC, {\"x\", 1}, envp)", SYS_execve, EXEC_PATH, bad_argv, envp);
    CALL(VALUE, "execve(NOEXEC, argv, 1)", SYS_execve, EXEC_PATH, argv, BAD);
    CALL(VALUE, "chdir(NULL)", SYS_chdir, 0);
    CALL(VALUE, "chdir(1)", SYS_chdir, BAD);
    CALL(VALUE, "chdir(\"\")", SYS_chdir, "");
    CALL(VALUE, "chdir(\"/nonexistent\")", SYS_chdir, "/nonexistent");
    CALL(VALUE, "chdir(FILE)", SYS_chdir, FILE_PATH);
    CALL(VALUE, "chdir(PATH_MAX a's)", SYS_chdir, long_path);
    CALL(VALUE, "chdir(\"/\")", SYS_chdir, "/");
    CALL(VALUE, "getcwd(buf, 0)", SYS_getcwd, buf, 0);
    CALL(VALUE, "getcwd(buf, 1)", SYS_getcwd, buf, 1);
    CALL(VALUE, "getcwd(buf, 2)", SYS_getcwd, buf, 2);
    CALL(VALUE, "getcwd(NULL, 64)", SYS_getcwd, 0, 64);
    CALL(VALUE, "getcwd(1, 64)", SYS_getcwd, BAD, 64);
    CALL(VALUE, "getcwd(NULL, 0)", SYS_getcwd, 0, 0);
    CALL(VALUE, "getcwd(buf, (size_t)-1)", SYS_getcwd, buf, -1L);
    unlink(EXEC_PATH);
}

static void time_and_futex(void)
{
    struct timespec ts;
    int word = 0;
    printf("-- nanosleep, clock_nanosleep, futex\n");
    ts.tv_sec = 0; ts.tv_nsec = -1;
    CALL(VALUE, "nanosleep({0, -1}, NULL)", SYS_nanosleep, &ts, 0);
    ts.tv_sec = -1; ts.tv_nsec = 0;
    CALL(VALUE, "nanosleep({-1, 0}, NULL)", SYS_nanosleep, &ts, 0);
    ts.tv_sec = 0; ts.tv_nsec = 1000000000;
    CALL(VALUE, "nanosleep({0, 10^9}, NULL)", SYS_nanosleep, &ts, 0);
    CALL(VALUE, "nanosleep(NULL, NULL)", SYS_nanosleep, 0, 0);
    CALL(VALUE, "nanosleep(1, NULL)", SYS_nanosleep, BAD, 0);
    ts.tv_sec = 0; ts.tv_nsec = 0;
    CALL(VALUE, "nanosleep({0, 0}, 1)", SYS_nanosleep, &ts, BAD);
    CALL(VALUE, "clock_nanosleep(99, 0, {0, 0}, NULL)", SYS_clock_nanosleep, 99, 0, &ts, 0);
    CALL(VALUE, "clock_nanosleep(-1, 0, {0, 0}, NULL)", SYS_clock_nanosleep, -1, 0, &ts, 0);
    CALL(VALUE, "clock_nanosleep(CLOCK_MONOTONIC, 0, NULL, NULL)", SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, 0, 0);
    CALL(VALUE, "clock_nanosleep(CLOCK_MONOTONIC, 0x10, {0, 0}, NULL)", SYS_clock_nanosleep, CLOCK_MONOTONIC, 0x10, &ts, 0);
    CALL(VALUE, "clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, {0, 0})", SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &ts, 0);
    ts.tv_nsec = -1;
    CALL(VALUE, "clock_nanosleep(99, 0, {0, -1}, NULL)", SYS_clock_nanosleep, 99, 0, &ts, 0);
    CALL(VALUE, "clock_nanosleep(CLOCK_MONOTONIC, 0, {0, -1}, NULL)", SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ts, 0);
    CALL(VALUE, "futex(NULL, FUTEX_WAKE, 1)", SYS_futex, 0, 1, 1, 0, 0, 0);
    CALL(VALUE, "futex(&word, 99, 0)", SYS_futex, &word, 99, 0, 0, 0, 0);
    CALL(VALUE, "futex(NULL, 99, 0)", SYS_futex, 0, 99, 0, 0, 0, 0);
    CALL(VALUE, "futex(1, 99, 0)", SYS_futex, BAD, 99, 0, 0, 0, 0);
    CALL(VALUE, "futex(1, FUTEX_WAIT, 0)", SYS_futex, BAD, 0, 0, 0, 0, 0);
    CALL(VALUE, "futex(&word, FUTEX_WAIT, 1)", SYS_futex, &word, 0, 1, 0, 0, 0);
    CALL(VALUE, "futex(&word, FUTEX_WAIT, 1, {0, -1})", SYS_futex, &word, 0, 1, &ts, 0, 0);
    CALL(VALUE, "futex(&word, FUTEX_WAIT, 0, 1)", SYS_futex, &word, 0, 0, BAD, 0, 0);
    CALL(VALUE, "futex(&word, FUTEX_WAIT, 1, 1)", SYS_futex, &word, 0, 1, BAD, 0, 0);
    CALL(VALUE, "futex(&word, FUTEX_WAKE, -1)", SYS_futex, &word, 1, -1, 0, 0, 0);
    CALL(VALUE, "futex(&word, FUTEX_CMP_REQUEUE, 1, -1, &word, 0)", SYS_futex, &word, 4, 1, -1L, &word, 0);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    files();
    processes();
    signals();
    memory();
    clones();
    programs();
    time_and_futex();
    unlink(FILE_PATH);
    return 0;
}
