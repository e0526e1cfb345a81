/*
 * fsync, fdatasync, syncfs and sync, which only check their descriptor when the data is
 * already where it belongs (EINVAL for pipes and devices, which have no fsync), and
 * fallocate: reserving pages (st_blocks grows, st_size with it unless FALLOC_FL_KEEP_SIZE),
 * punching a hole (the bytes read back as zeros), and its errors in Linux's order.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH "/tmp/fsync_fallocate.dat"

static void report(const char *what, int r) {
    printf("%s: %s\n", what, r == 0 ? "ok" : strerror(errno));
}

static void sizes(int fd) {
    struct stat st;
    fstat(fd, &st);
    printf("  size %ld, blocks %ld\n", (long) st.st_size, (long) st.st_blocks);
}

int main(void) {
    int fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0644);
    int dir = open("/tmp", O_RDONLY);
    int null = open("/dev/null", O_RDWR);
    int ro = open(PATH, O_RDONLY);
    int p[2];
    pipe(p);
    report("fsync a file", fsync(fd));
    report("fsync a file open read-only", fsync(ro));
    report("fsync a directory", fsync(dir));
    report("fsync a pipe", fsync(p[1]));
    report("fsync /dev/null", fsync(null));
    report("fsync a bad descriptor", fsync(77));
    report("fdatasync a file", fdatasync(fd));
    report("fdatasync a pipe", fdatasync(p[0]));
    report("fdatasync a bad descriptor", fdatasync(-1));
    report("syncfs a file", syncfs(fd));
    report("syncfs a pipe", syncfs(p[0]));
    report("syncfs a bad descriptor", syncfs(77));
    sync();
    printf("sync returned\n");

    report("allocate [0,10000)", fallocate(fd, 0, 0, 10000));
    sizes(fd);
    report("allocate [16384,+4096) keeping the size", fallocate(fd, FALLOC_FL_KEEP_SIZE, 16384, 4096));
    sizes(fd);
    char buf[8192];
    memset(buf, 'x', sizeof buf);
    lseek(fd, 0, SEEK_SET);
    write(fd, buf, sizeof buf);
    report("punch a hole in [4096,8192)", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 4096, 4096));
    sizes(fd);
    report("punch [100,200)", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 100, 100));
    sizes(fd);
    lseek(fd, 0, SEEK_SET);
    read(fd, buf, sizeof buf);
    printf("  byte 99 '%c', 100 %d, 199 %d, 200 '%c', 4095 '%c', 4096 %d, 8191 %d\n", buf[99], buf[100], buf[199],
            buf[200], buf[4095], buf[4096], buf[8191]);
    report("posix_fallocate to 20000", posix_fallocate(fd, 0, 20000));
    struct stat st;
    fstat(fd, &st);
    printf("  size %ld\n", (long) st.st_size);
    printf("posix_fallocate of a pipe returns %s\n", strerror(posix_fallocate(p[1], 0, 1)));

    report("bad descriptor", fallocate(77, 0, 0, 1));
    report("bad descriptor and negative offset", fallocate(77, 0, -1, 1));
    report("negative offset", fallocate(fd, 0, -1, 1));
    report("zero length", fallocate(fd, 0, 0, 0));
    report("negative length and unknown mode", fallocate(fd, 0x100, 0, -1));
    report("unknown mode", fallocate(fd, 0x100, 0, 1));
    report("FALLOC_FL_NO_HIDE_STALE", fallocate(fd, 4, 0, 1));
    report("punch and zero at once", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE, 0, 1));
    report("punch without KEEP_SIZE", fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 1));
    report("collapse with KEEP_SIZE", fallocate(fd, FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_KEEP_SIZE, 0, 4096));
    report("insert with KEEP_SIZE", fallocate(fd, FALLOC_FL_INSERT_RANGE | FALLOC_FL_KEEP_SIZE, 0, 4096));
    report("read-only descriptor", fallocate(ro, 0, 0, 1));
    report("read-only descriptor and bad mode", fallocate(ro, 0x100, 0, 1));
    report("a pipe", fallocate(p[1], 0, 0, 1));
    report("a pipe's read end", fallocate(p[0], 0, 0, 1));
    report("/dev/null", fallocate(null, 0, 0, 1));
    report("offset + len past the largest offset", fallocate(fd, 0, 0x7fffffffffffff00L, 0x1000));
    close(fd), close(ro), close(dir), close(null), close(p[0]), close(p[1]);
    unlink(PATH);
    return 0;
}
