/*
 * Renames, removals and a moved ".." link under a mounted host directory (TOP), printed
 * so that Linux and Clonix print the same: on Linux, TOP is any directory named "host"
 * holding a link a2/b2/l -> .. (gcc -DTOP='"/some/where/host"'); in Clonix it is
 * /mnt/host, mounted with --mount (fs.HostMountGuestProgramTest). host_mount.expected is
 * what the gcc-built program printed on Linux.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef TOP
#define TOP "/mnt/host"
#endif

/* Prints a path with the mount's own path replaced by "TOP", so that Linux (where TOP is any
   directory) and Clonix (/mnt/host) print the same. */
static void path(const char *what, const char *p) {
    size_t n = strlen(TOP);
    if (strncmp(p, TOP, n) == 0) printf("%s: TOP%s\n", what, p + n);
    else printf("%s: %s\n", what, p);
}

static void result(const char *what, long r) {
    if (r < 0) printf("%s: %s\n", what, strerror(errno));
    else printf("%s: ok\n", what);
}

static void exists(const char *p) {
    struct stat st;
    printf("%s %s\n", p + strlen(TOP), lstat(p, &st) == 0 ? "exists" : "is missing");
}

static void cwdlink(void) {
    char buf[4096];
    ssize_t n = readlink("/proc/self/cwd", buf, sizeof buf - 1);
    if (n < 0) { result("readlink /proc/self/cwd", n); return; }
    buf[n] = '\0';
    path("/proc/self/cwd", buf);
}

int main(void) {
    char buf[4096];

    /* A cwd in a directory that is renamed. */
    mkdir(TOP "/a", 0755);
    mkdir(TOP "/a/b", 0755);
    result("chdir a/b", chdir(TOP "/a/b"));
    result("rename a z", rename(TOP "/a", TOP "/z"));
    int fd = open("in-cwd", O_WRONLY | O_CREAT, 0644);
    result("create in the cwd", fd);
    close(fd);
    if (getcwd(buf, sizeof buf)) path("getcwd", buf);
    cwdlink();

    /* An open directory whose directory is renamed. */
    int dirfd = open(TOP "/z", O_RDONLY | O_DIRECTORY);
    result("open z", dirfd);
    mkdir(TOP "/y", 0755);
    result("rename z y/z", rename(TOP "/z", TOP "/y/z"));
    fd = openat(dirfd, "by-fd", O_WRONLY | O_CREAT, 0644);
    result("openat", fd);
    close(fd);
    result("mkdirat", mkdirat(dirfd, "dir-by-fd", 0755));
    result("renameat", renameat(dirfd, "by-fd", dirfd, "renamed-by-fd"));
    result("unlinkat", unlinkat(dirfd, "dir-by-fd", AT_REMOVEDIR));
    result("fchdir", fchdir(dirfd));
    cwdlink();
    exists(TOP "/y/z/b/in-cwd");
    exists(TOP "/y/z/renamed-by-fd");
    exists(TOP "/y/z/dir-by-fd");
    exists(TOP "/a");
    exists(TOP "/z");

    /* A cwd that is removed. */
    mkdir(TOP "/gone", 0755);
    result("chdir gone", chdir(TOP "/gone"));
    result("rmdir gone", rmdir(TOP "/gone"));
    result("create in the removed cwd", open("x", O_WRONLY | O_CREAT, 0644));
    result("mkdir in the removed cwd", mkdir("d", 0755));
    if (!getcwd(buf, sizeof buf)) result("getcwd", -1);
    cwdlink();
    exists(TOP "/gone");

    /* The host's link a2/b2/l -> .., moved to the top. */
    result("rename a2/b2/l l", rename(TOP "/a2/b2/l", TOP "/l"));
    ssize_t n = readlink(TOP "/l", buf, sizeof buf - 1);
    buf[n < 0 ? 0 : n] = '\0';
    printf("l -> %s\n", buf);
    struct stat top, through;
    stat(TOP, &top);
    stat(TOP "/l/host", &through);
    printf("l/host is the mount: %s\n", top.st_ino == through.st_ino && top.st_dev == through.st_dev ? "yes" : "no");
    result("chdir l", chdir(TOP "/l"));
    if (getcwd(buf, sizeof buf)) printf("getcwd ends with the mount's parent: %s\n",
            strncmp(buf, TOP, strlen(buf)) == 0 && TOP[strlen(buf)] == '/' ? "yes" : "no");

    /* /proc/self/root is the root. */
    n = readlink("/proc/self/root", buf, sizeof buf - 1);
    buf[n < 0 ? 0 : n] = '\0';
    printf("/proc/self/root -> %s\n", buf);
    struct stat root, viaproc;
    stat("/", &root);
    stat("/proc/self/root/..", &viaproc);
    printf("/proc/self/root/.. is /: %s\n", root.st_ino == viaproc.st_ino && root.st_dev == viaproc.st_dev ? "yes" : "no");
    return 0;
}
