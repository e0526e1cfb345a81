/*
 * statx agrees with stat on every field they share (and splits device numbers into major
 * and minor); getrandom fills what it is asked to, refuses bad flags and buffers; mkstemp
 * and mkdtemp make a new file (0600) and directory (0700) from a XXXXXX template; realpath
 * resolves ".", ".." and symbolic links to the canonical path. Errors in Linux's order.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

static void report(const char *what, long r) {
    printf("%s: %s\n", what, r >= 0 ? "ok" : strerror(errno));
}

/* glibc's makedev, for 32-bit major and minor numbers. */
static unsigned long mkdev(unsigned int major, unsigned int minor) {
    return ((unsigned long) (major & 0xfff) << 8) | ((unsigned long) (major & ~0xfffu) << 32) | (minor & 0xff)
            | ((unsigned long) (minor & ~0xffu) << 12);
}

static void compare(const char *path, int flags) {
    struct stat st;
    struct statx sx;
    memset(&sx, 0xff, sizeof sx);
    int r = statx(AT_FDCWD, path, flags, STATX_BASIC_STATS, &sx);
    if (r < 0) {
        printf("statx %s: %s\n", path, strerror(errno));
        return;
    }
    if (flags & AT_SYMLINK_NOFOLLOW) lstat(path, &st);
    else stat(path, &st);
    printf("statx %s: basic mask %d, mode %d ino %d nlink %d uid %d gid %d size %d blocks %d blksize %d\n", path,
            (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS, sx.stx_mode == st.st_mode, sx.stx_ino == st.st_ino,
            sx.stx_nlink == st.st_nlink, sx.stx_uid == st.st_uid, sx.stx_gid == st.st_gid, (long) sx.stx_size == st.st_size,
            (long) sx.stx_blocks == st.st_blocks, (long) sx.stx_blksize == st.st_blksize);
    printf("  times %d %d %d, dev %d, rdev %u:%u\n", sx.stx_atime.tv_sec == st.st_atim.tv_sec && sx.stx_atime.tv_nsec == st.st_atim.tv_nsec,
            sx.stx_mtime.tv_sec == st.st_mtim.tv_sec && sx.stx_mtime.tv_nsec == st.st_mtim.tv_nsec,
            sx.stx_ctime.tv_sec == st.st_ctim.tv_sec && sx.stx_ctime.tv_nsec == st.st_ctim.tv_nsec,
            mkdev(sx.stx_dev_major, sx.stx_dev_minor) == st.st_dev, sx.stx_rdev_major, sx.stx_rdev_minor);
}

int main(void) {
    struct statx sx;
    int fd = open("/tmp/statx_getrandom_paths.dat", O_RDWR | O_CREAT | O_TRUNC, 0640);
    write(fd, "hello, world\n", 13);
    symlink("statx_getrandom_paths.dat", "/tmp/statx_getrandom_paths.lnk");
    printf("sizeof(struct statx) %zu\n", sizeof(struct statx));
    compare("/tmp/statx_getrandom_paths.dat", 0);
    compare("/tmp/statx_getrandom_paths.lnk", 0);
    compare("/tmp/statx_getrandom_paths.lnk", AT_SYMLINK_NOFOLLOW);
    compare("/tmp", 0);
    compare("/dev/null", 0);
    report("statx AT_EMPTY_PATH", statx(fd, "", AT_EMPTY_PATH, STATX_SIZE, &sx));
    printf("  size %llu\n", (unsigned long long) sx.stx_size);
    report("statx reserved mask bit", statx(AT_FDCWD, "/tmp", 0, 0x80000000u, &sx));
    report("statx both sync types", statx(AT_FDCWD, "/tmp", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, 0, &sx));
    report("statx bad flags", statx(AT_FDCWD, "/tmp", 0x1, 0, &sx));
    report("statx no such file", statx(AT_FDCWD, "/tmp/nonexistent", 0, STATX_BASIC_STATS, &sx));
    report("statx bad buffer", statx(AT_FDCWD, "/tmp", 0, STATX_BASIC_STATS, (struct statx *) 8));
    report("statx bad descriptor", statx(99, "x", 0, STATX_BASIC_STATS, &sx));
    report("statx empty path", statx(AT_FDCWD, "", 0, STATX_BASIC_STATS, &sx));

    unsigned char buf[300];
    memset(buf, 0, sizeof buf);
    long n = getrandom(buf, 256, 0);
    int zeros = 0;
    for (int i = 0; i < 256; i++) zeros += buf[i] == 0;
    printf("getrandom 256: %ld, mostly not zero: %d, byte 256 untouched: %d\n", n, zeros < 16, buf[256] == 0);
    printf("getrandom 0: %ld\n", (long) getrandom(buf, 0, 0));
    printf("GRND_NONBLOCK|GRND_RANDOM: %ld\n", (long) getrandom(buf, 16, GRND_NONBLOCK | GRND_RANDOM));
    printf("GRND_INSECURE: %ld\n", (long) getrandom(buf, 16, GRND_INSECURE));
    report("getrandom GRND_INSECURE|GRND_RANDOM", getrandom(buf, 16, GRND_INSECURE | GRND_RANDOM));
    report("getrandom unknown flag", getrandom(buf, 16, 0x8));
    report("getrandom bad buffer", getrandom((void *) 8, 16, 0));
    report("getrandom kernel address", getrandom((void *) 0xffff800000000000UL, 16, 0));
    report("getentropy 256", getentropy(buf, 256));
    report("getentropy 257", getentropy(buf, 257));

    char name[] = "/tmp/statx_getrandom_paths.XXXXXX";
    int t = mkstemp(name);
    struct stat st;
    fstat(t, &st);
    printf("mkstemp: fd %d, name changed %d, prefix kept %d, mode %o, empty %d\n", t >= 0,
            strcmp(name, "/tmp/statx_getrandom_paths.XXXXXX") != 0, strncmp(name, "/tmp/statx_getrandom_paths.", 27) == 0,
            st.st_mode & 07777, st.st_size == 0);
    unlink(name);
    close(t);
    char bad[] = "/tmp/statx_getrandom_paths.XXXXX";
    report("mkstemp short template", mkstemp(bad));
    printf("  template untouched: %s\n", bad);
    char dname[] = "/tmp/statx_getrandom_paths.dXXXXXX";
    char *d = mkdtemp(dname);
    stat(dname, &st);
    printf("mkdtemp: %d, directory %d, mode %o\n", d == dname, S_ISDIR(st.st_mode), st.st_mode & 07777);

    char out[PATH_MAX];
    chdir(dname);
    mkdir("sub", 0755);
    symlink("../sub", "sub/up");
    symlink("/tmp/statx_getrandom_paths.lnk", "abs");
    symlink("loop", "loop");
    const char *paths[] = {".", "sub/./../sub//", "sub/up/up", "abs", "/tmp/../tmp/./statx_getrandom_paths.lnk",
        "/", "//", "missing", "sub/missing", "abs/x", "loop", ""};
    for (int i = 0; i < 12; i++) {
        errno = 0;
        char *r = realpath(paths[i], out);
        if (!r) {
            printf("realpath \"%s\": %s\n", paths[i], strerror(errno));
        } else if (strncmp(r, dname, strlen(dname)) == 0) {
            printf("realpath \"%s\": TMPDIR%s\n", paths[i], r + strlen(dname));
        } else {
            printf("realpath \"%s\": %s\n", paths[i], r);
        }
    }
    char *m = realpath("sub", NULL);
    printf("realpath into malloc'd memory: %s\n", m ? m + strlen(dname) : strerror(errno));
    free(m);
    unlink("loop");
    unlink("abs");
    unlink("sub/up");
    rmdir("sub");
    chdir("/");
    rmdir(dname);
    unlink("/tmp/statx_getrandom_paths.lnk");
    unlink("/tmp/statx_getrandom_paths.dat");
    return 0;
}
